# analyse

analyse-in-sheet = hoja «{ $sheet }»: { $message }
analyse-too-large = este archivo pesa { $size }, más que el límite del portal de { $limit }: no se lee
analyse-too-large-help = divídelo (por ejemplo, por año) o publícalo en otro sitio y da al recurso una `url`; el límite es `[build] max_file_size` en portal.toml
