"""Finding aids: the filters page, review freshness (banners and the due-for-review page)
and what a copy opened from disk needs."""
