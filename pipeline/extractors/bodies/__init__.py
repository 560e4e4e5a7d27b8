"""Bodies and the relations a paper states between them."""
