"""Results of targets: the results folder, its checks, charts, pages and import."""
