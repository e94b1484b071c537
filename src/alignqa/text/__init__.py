"""Text helpers below every stage: protected markup, language identification, number reading and
word-level forms. Nothing here knows about documents, alignments or checks, so the segmenter, the
detector and the checks can all use it without importing each other.
"""
