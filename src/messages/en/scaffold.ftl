# scaffold

scaffold-site-exists = { $folder } already holds a site (it has portal.toml)
scaffold-site-exists-help = choose a new folder, e.g. `abierto new site mi-portal`
