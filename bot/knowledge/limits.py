"""Size limits for curated text, chosen so that any entry renders within Discord's limits.

Discord allows an embed title of 256 characters, a description of 4,096, a field value of
1,024 and 6,000 in all; autocomplete choice names of 100. The limits below leave room for
the framing the renderers add (caveat line, quote marks, attribution).
"""

MAX_ID = 64  # ids travel inside button custom_ids (100 characters at most)
MAX_QUESTION = 200  # embed title (256) with room for a prefix
MAX_ALTERNATE = 200
MAX_KEYWORD = 40
MAX_ANSWER = 1500  # embed description (4,096), leaving room for a second answer
MAX_CAVEAT = 300
MAX_QUOTE = 600  # a source field (1,024) holds the quote plus its attribution
MAX_CITED = 100
MAX_SOURCES = 3
MAX_RELATED = 5
MAX_SUMMARY_SHORT = 1000
MAX_SUMMARY_FULL = 3800  # one embed description
MAX_TOPIC_SUMMARY = 1500
MAX_STORY_CAVEAT = 500
