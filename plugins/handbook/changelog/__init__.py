"""The living changelog: revisions of the standards read from git, compared by id."""
