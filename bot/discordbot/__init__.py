"""The Discord adapter: commands, buttons and messages in; the core's replies rendered out."""
