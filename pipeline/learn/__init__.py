"""Learned components (issue 12): what the models see, and where the packaged models live.

The rules propose; a model decides only where it measurably helps (README, "Learned
components"). Training is `make train` (`scripts/train.py`, code in `pipeline.learn.training`);
the trained models are package data under `pipeline/models/`.
"""
