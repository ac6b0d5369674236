"""The word clusters (``_word_clusters``): the shipped file loads into Resources, and a table of clusters reads as
written."""

from __future__ import annotations

import pickle

from analysis._pipeline import load_resources
from analysis._word_clusters import NO_CLUSTERS, load_word_clusters, parse_word_clusters


def test_a_table_of_clusters_reads_as_written():
    clusters = parse_word_clusters("# a comment\nword\tk2\tk8\nvile\t1\t5\nplan\t0\t3\n")
    assert clusters.granularities == (2, 8)
    assert clusters.of("vile") == ("1", "5")
    assert clusters.of("unseen") == () and NO_CLUSTERS.of("vile") == ()


def test_shipped_clusters_load_coarse_to_fine_and_are_a_member_of_resources():
    clusters = load_word_clusters()
    assert list(clusters.granularities) == sorted(clusters.granularities) and len(clusters.granularities) >= 2
    assert len(clusters.clusters) > 5000
    assert all(len(ids) == len(clusters.granularities) for ids in clusters.clusters.values())
    assert all(0 <= int(c) < k for ids in clusters.clusters.values() for c, k in zip(ids, clusters.granularities))
    assert load_resources().word_clusters.clusters == clusters.clusters


def test_clusters_survive_pickling_for_workers():
    clusters = load_word_clusters()
    assert pickle.loads(pickle.dumps(clusters)).clusters == clusters.clusters
