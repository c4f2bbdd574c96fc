"""The files made from the data and the built pages: checklists, chapters and the guide as PDF and Word, hand-outs."""
