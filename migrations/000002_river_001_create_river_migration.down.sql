-- Reverses River version 1.

DROP TABLE river_migration;