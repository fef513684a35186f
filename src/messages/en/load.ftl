# load

load-text-too-large = this file is { $size }: abierto reads descriptors, stories and pages of up to { $limit }
load-text-too-large-help = split it into several files, or move data out of it into a data file
