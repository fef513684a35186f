# analyse

analyse-in-sheet = sheet «{ $sheet }»: { $message }
analyse-too-large = this file is { $size }, more than the portal's limit of { $limit }: it is not read
analyse-too-large-help = split it (e.g. by year) or host it elsewhere and give the resource a `url`; the limit is `[build] max_file_size` in portal.toml
