"""kubectl verbs, one module per family, each turning a parsed command into API calls."""
