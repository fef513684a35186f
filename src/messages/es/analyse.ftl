# analyse

analyse-in-sheet = hoja «{ $sheet }»: { $message }
analyse-too-large = este archivo pesa { $size }, más que el límite del portal de { $limit }: no se lee
analyse-too-large-help = divídelo (por ejemplo, por año) o publícalo en otro sitio y da al recurso una `url`; el límite es `[build] max_file_size` en portal.toml

## Lectura de CSV

analyse-open-quote = una celda entre comillas nunca se cierra: el resto del archivo se leyó como una sola celda
analyse-open-quote-help = cierra las comillas (`"`) o escribe las comillas dentro de una celda como `""`
analyse-copy-failed = no se pudo escribir la copia en UTF-8 de este archivo: { $error }
analyse-standard-copy-failed = no se pudo escribir la copia estándar (UTF-8, comas, punto decimal) de este archivo: { $error }
analyse-invalid-bytes = hay bytes que no son válidos en { $encoding } ({ $count ->
        [one] { $count } celda en total
       *[other] { $count } celdas en total
    }); se muestran como �
analyse-invalid-bytes-help = guarda el archivo como UTF-8, o declara su codificación con `encoding = "windows-1252"` en el recurso
analyse-huge-cell = una celda mide más de 1 MB: ¿de verdad es un archivo CSV?
analyse-huge-cell-help = la vista previa muestra solo el principio de las celdas largas

## Tablas

analyse-duplicate-column = el nombre de columna `{ $name }` aparece dos veces en el encabezado
analyse-duplicate-column-help = da a cada columna su propio nombre, para que el diccionario de datos pueda describirla
analyse-unnamed-columns = { $count ->
        [one] la columna { $columns } no tiene nombre en el encabezado; se muestra como `columna_N`
       *[other] las columnas { $columns } no tienen nombre en el encabezado; se muestran como `columna_N`
    }
analyse-unnamed-columns-help = escribe un nombre para cada columna en la primera fila
analyse-too-many-columns = la tabla tiene { $count } columnas; solo se describen las primeras { $max }
analyse-too-many-columns-help = una tabla tan ancha es difícil de reutilizar; considera dividirla
analyse-ragged-row = esta fila tiene { $width } celdas y el encabezado tiene { $columns }
analyse-ragged-row-help = cada fila debe tener tantas celdas como el encabezado: revisa si falta o sobra un separador
analyse-ragged-rows = { $count } filas en total tienen un número de celdas distinto al del encabezado
analyse-misfits = la columna `{ $column }` tiene valores de tipo { $kind }, pero { $count ->
        [one] { $count } no encaja
       *[other] { $count } no encajan
    } (por ejemplo «{ $example }»)
analyse-misfits-help = corrige esas celdas, para que la columna pueda usarse completa
analyse-empty-column = la columna `{ $column }` está vacía en todas las filas
analyse-empty-column-help = elimina la columna o llénala
# Un tipo de Table Schema (`string`, `integer`, `number`, `boolean`, `date`…) como lo nombra un mensaje.
analyse-schema-type = { $kind ->
        [string] texto
        [integer] entero
        [number] número
        [boolean] sí/no
        [date] fecha
        [datetime] fecha y hora
        [time] hora
        [year] año
       *[other] `{ $kind }`
    }

## Esquemas declarados

analyse-field-not-in-file = recurso «{ $resource }»: el campo `{ $field }` está documentado, pero el archivo no tiene esa columna
analyse-field-type-mismatch = recurso «{ $resource }»: el campo `{ $field }` se declara `{ $declared }`, pero sus valores parecen de tipo { $kind } (por ejemplo «{ $example }»)

## Clases de archivo

analyse-empty-file = este archivo de datos está vacío
analyse-empty-file-help = publica el archivo con sus datos, o elimina el recurso
analyse-lfs-pointer = este archivo es un puntero de Git LFS, no los datos: el portal publicaría un sustituto de 130 bytes
analyse-lfs-pointer-help = ejecuta `git lfs pull` (o descarga el repositorio con Git LFS) antes de construir, o publica los datos mismos
analyse-binary-csv = este archivo no es texto: tiene bytes que ningún CSV tiene (puede ser una hoja de cálculo o un archivo comprimido)
analyse-binary-csv-help = exporta los datos como CSV, o cambia `format` a lo que el archivo realmente es
analyse-unreadable = no se pudo leer este archivo de datos: { $error }
analyse-cache-failed = no se pudo crear aquí la caché del análisis: { $error }
analyse-cache-failed-help = cambia ABIERTO_CACHE_DIR a una carpeta en la que abierto pueda escribir

## Hojas de cálculo

analyse-workbook-too-big = esta hoja de cálculo es demasiado grande para mostrarla (más de 200 MB); se publica tal como está
analyse-workbook-unreadable = no se pudo abrir esta hoja de cálculo: { $error }
analyse-workbook-unreadable-help = revisa que el archivo sea de verdad un XLSX, XLS u ODS (ábrelo y guárdalo de nuevo)
analyse-sheet-unreadable = no se pudo leer la hoja «{ $sheet }»: { $error }
analyse-sheet-copy-failed = no se pudo escribir la copia en CSV de la hoja «{ $sheet }»

## Mapas

analyse-geo-no-geometry = el elemento { $feature } no tiene geometría: aparece en la tabla, no en el mapa
analyse-geo-no-geometry-help = dale una geometría en el SIG, o déjalo así si no tiene lugar
analyse-geo-invalid-geometry = la geometría del elemento { $feature } no es válida (un tipo desconocido, coordenadas que no son números o mal anidadas, una línea de un solo punto o un anillo de menos de cuatro): solo se dibujan sus partes válidas
analyse-geo-invalid-geometry-help = revisa el elemento en el SIG y exporta el archivo de nuevo
analyse-geo-out-of-range = el elemento { $feature } tiene coordenadas que no son longitud y latitud en grados (pasan de ±180, ±90): no se dibujan
analyse-geo-out-of-range-help = puede que el archivo esté en coordenadas proyectadas (metros, como UTM): expórtalo en WGS 84 (EPSG:4326)
analyse-geo-swapped = el elemento { $feature } tiene las coordenadas invertidas: se leen como latitud, longitud, pero GeoJSON y KML escriben primero la longitud; no se dibujan
analyse-geo-swapped-help = intercambia los dos números de cada posición (longitud y luego latitud), o exporta el archivo de nuevo desde el SIG
analyse-geo-crs-unknown = este GeoJSON dice que sus coordenadas están en «{ $crs }», un sistema que abierto no lee: sus elementos no se dibujan donde están
analyse-geo-crs-unknown-help = exporta el archivo en WGS 84 (EPSG:4326, longitud y latitud); abierto también lee las zonas UTM 11 a 16 norte (EPSG:32611 a 32616), EPSG:6372 y EPSG:3857
analyse-geo-crs-late = este GeoJSON dice que sus coordenadas están en «{ $crs }», pero lo dice después de sus elementos: se leyeron como longitud y latitud y no se dibujan donde están
analyse-geo-crs-late-help = exporta el archivo de nuevo desde el SIG (escribe `crs` antes de `features`), o mejor en WGS 84 (EPSG:4326)
analyse-geo-flaws = { $count } elementos en total { $kind ->
        [missing] no tienen geometría
        [invalid] tienen una geometría no válida
        [swapped] tienen las coordenadas invertidas
       *[other] tienen coordenadas fuera de rango
    }
analyse-geojson-invalid = este GeoJSON no es JSON válido: { $error }
analyse-geojson-invalid-help = ábrelo con un validador de GeoJSON (o expórtalo de nuevo desde el SIG) y corrige el lugar indicado
analyse-not-geojson = este JSON no es GeoJSON: no tiene un `type` FeatureCollection, Feature o de geometría
analyse-not-geojson-help = un archivo GeoJSON empieza con {"{"}"type": "FeatureCollection", "features": […]{"}"}
analyse-map-failed = no se pudo escribir el mapa interactivo de este archivo ({ $error }); la página muestra su mapa estático
analyse-kml-malformed = este KML no es XML bien formado ({ $error }); solo se muestran los lugares (placemarks) anteriores a este punto
analyse-kml-malformed-help = exporta el archivo de nuevo desde el SIG, o corrige el elemento de esta línea
analyse-kml-too-deep = el KML anida elementos a demasiada profundidad; la lectura se detuvo
analyse-kml-unclosed = el KML termina antes de que se cierre `<{ $element }>`
analyse-kml-unclosed-help = puede que el archivo esté cortado: expórtalo de nuevo
analyse-not-kml = este archivo no tiene un elemento `<kml>`: no parece KML
analyse-not-kml-help = revisa que el archivo sea el KML que nombra el descriptor
analyse-kml-no-placemarks = este KML no tiene lugares (placemarks)

## Datos personales

analyse-personal-data-kind = { $kind ->
        [curp] CURP
        [rfc] RFC
        [clabe] cuentas CLABE
        [card] números de tarjeta
        [voter-key] claves de elector del INE
        [email] correos electrónicos
        [nss] números de seguridad social (NSS)
        [name] nombres de persona
        [address] domicilios
        [birth-date] fechas de nacimiento
       *[phone] números de teléfono
    }
analyse-explorer-failed = no se pudieron preparar los datos del explorador de esta tabla: { $error }
analyse-boundary-not-polygons = `boundary` nombra «{ $path }», que no tiene polígonos: el límite es el contorno del participante
analyse-boundary-not-polygons-help = guarda el límite del participante desde el SIG como GeoJSON o KML de polígonos (el contorno del municipio o del estado)

## Historial (git)

history-shallow = el repositorio es una copia parcial (un clon superficial): el historial de cambios de los conjuntos de datos empieza en el commit más antiguo que tiene esta copia
history-shallow-help = para el historial completo, clona el repositorio entero (`git fetch --unshallow`; en GitHub Actions, `fetch-depth: 0` en `actions/checkout`)
