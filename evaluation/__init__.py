"""Slant measured on real annotated news, and its models trained: not part of the installed kit.

``python -m evaluation`` (``make evaluate``) measures every analyzer on the held-out and dev parts of the corpora in
``../shared/corpora`` (PTC, BABE, BASIL, PolNeAR, NewsMTSC) and on the NYT editorial ratings, beside simple peers
measured on the same items in the same run; ``python -m evaluation.train`` (``make train``) refits the shipped
weights from the dev parts.
"""
