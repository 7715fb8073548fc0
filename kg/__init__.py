"""DiploKG: a knowledge graph of diplomatic events extracted from news."""

__version__ = "0.1.0"
