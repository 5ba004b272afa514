"""Demo content for the practice library: data, generated images and documents, loader and generator."""
