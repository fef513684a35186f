# scaffold

scaffold-site-exists = { $folder } ya contiene un sitio (tiene portal.toml)
scaffold-site-exists-help = elige una carpeta nueva, por ejemplo `abierto new site mi-portal`
