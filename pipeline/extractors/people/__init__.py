"""People: attendance, apologies, substitutes and declarations of interest."""
