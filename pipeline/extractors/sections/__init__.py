"""What a paper is and how it divides: its kind, body and date, the papers of a pack."""
