"""Visual checks on page rasters (OpenCV): seals and perceptual hashes."""
