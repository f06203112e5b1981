"""Visual checks on page rasters (OpenCV): seals, signatures, pasted regions and perceptual hashes."""
