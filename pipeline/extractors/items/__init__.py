"""Items and what was done under them: headings, decisions, recommendations, votes."""
