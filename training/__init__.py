"""Training data and training script of the mistranslation detector (not part of the package).

Run from the repository root: ``python -m training.train_detector``. ``bench.detect`` imports the
held-out half of the same data from here, so that the split between the halves is made once.
"""
