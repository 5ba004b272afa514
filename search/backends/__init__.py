"""Search backends: database (default) and elasticsearch; both answer SearchQuery with SearchResult."""
