"""Train and measure a small spaCy NER for attendance lines (PERSON, ROLE, ORG).

Run the modules with ``python -m training.<module>`` from the repository root; see
training/README.md for the measured result and the commands.
"""
