# render

## Páginas

render-map-description = { $count ->
        [one] { $count } elemento
       *[other] { $count } elementos
    } ({ $kinds }) entre las latitudes { $south } y { $north } y las longitudes { $west } y { $east }.

## Plantillas

render-template-failed = la plantilla `{ $template }` falló: { $error }
render-template-failed-help = si el sitio reemplaza esta plantilla en templates/, revisa los nombres que usa
render-template-unreadable = no se pudo leer esta plantilla: { $error }
render-template-error = una plantilla tiene un error: { $error }
render-template-error-help = corrige la plantilla nombrada arriba (la carpeta templates/ de un sitio reemplaza por nombre las del tema)
render-catalog-csv-failed = no se pudo escribir el catálogo CSV: { $error }

## Markdown

render-embed-in-paragraph = esta inserción está dentro de un párrafo
render-embed-in-paragraph-help = pon la inserción en su propia línea, con una línea vacía antes y otra después
render-image-script = la imagen `{ $address }` es un script, no una imagen
render-image-script-help = escribe la dirección web de la imagen (https://…)
render-link-unknown = el enlace `{ $address }` no corresponde a nada de este portal
render-link-script = el enlace `{ $address }` ejecutaría un script en el navegador de quien lee
render-link-script-help = enlaza a una dirección web (https://…) o a una página del portal (dataset:…, story:…)
render-link-nearest = ¿quisiste decir `{ $kind }:{ $id }`?
render-unknown-participant = el sitio no tiene el participante `{ $id }`
render-unknown-participant-nearest = ¿quisiste decir `{ $nearest }`? El id de un participante es el nombre de su carpeta en participants/
render-unknown-participant-help = el id de un participante es el nombre de su carpeta en participants/: { $known }
render-link-no-id = { $kind ->
        [dataset] ningún conjunto de datos tiene el id `{ $id }`
        [participant] ningún participante tiene el id `{ $id }`
        [story] ninguna historia tiene el id `{ $id }`
       *[page] ninguna página tiene el id `{ $id }`
    }

## Inserciones en historias

render-embed = inserción: { $message }
render-embed-nearest = ¿quisiste decir `{ $name }`?
render-embed-none = { $what ->
        [dataset] no hay ningún conjunto de datos para elegir
        [resource] no hay ningún recurso para elegir
        [sheet] no hay ninguna hoja para elegir
        [column] no hay ninguna columna para elegir
        [argument] no hay ningún argumento para elegir
        [embed-kind] no hay ninguna clase de inserción para elegir
        [chart-kind] no hay ninguna clase de gráfica para elegir
       *[choice] no hay ninguna opción para elegir
    }
render-embed-known = { $what ->
        [dataset] los conjuntos de datos que hay son: { $names }
        [resource] los recursos que hay son: { $names }
        [sheet] las hojas que hay son: { $names }
        [column] las columnas que hay son: { $names }
        [argument] los argumentos posibles son: { $names }
        [embed-kind] las clases de inserción son: { $names }
        [chart-kind] las clases de gráfica son: { $names }
       *[choice] las opciones son: { $names }
    }
render-embed-many = { $what ->
        [dataset] hay { $count } conjuntos de datos; revisa cómo lo escribiste
        [resource] hay { $count } recursos; revisa cómo lo escribiste
        [sheet] hay { $count } hojas; revisa cómo lo escribiste
        [column] hay { $count } columnas; revisa cómo lo escribiste
        [argument] hay { $count } argumentos; revisa cómo lo escribiste
        [embed-kind] hay { $count } clases de inserción; revisa cómo lo escribiste
        [chart-kind] hay { $count } clases de gráfica; revisa cómo lo escribiste
       *[choice] hay { $count } opciones; revisa cómo lo escribiste
    }
render-embed-no-kind = una inserción empieza con lo que muestra, por ejemplo `{"{{"} tabla(…) {"}}"}`
render-embed-no-kind-help = escribe una de estas: tarjeta, tabla, grafica, mapa, descarga
render-embed-unknown-kind = `{ $name }` no es una clase de inserción
render-embed-no-argument-name = aquí se esperaba el nombre de un argumento, como `datos="…"`
render-embed-no-argument-name-help = los argumentos se escriben `nombre=valor` y se separan con comas
render-embed-text-after = hay texto después del final de la inserción
render-embed-text-after-help = pon la inserción sola en su línea
render-embed-unknown-argument = `{ $kind }` no acepta el argumento `{ $name }`
render-embed-argument-twice = el argumento `{ $name }` aparece dos veces
render-embed-argument-twice-help = deja solo uno de los dos
render-embed-missing-argument = `{ $kind }` necesita el argumento `{ $name }`
render-embed-missing-argument-help = agrega `{ $name }="…"`; por ejemplo { $example }
render-embed-expected = aquí se esperaba `{ $expected }` y se encontró `{ $found }`
render-embed-expected-end = aquí se esperaba `{ $expected }` y la línea terminó
render-embed-expected-help = una inserción se escribe `{"{{"} clase(nombre="valor", nombre=10) {"}}"}`, con los textos entre comillas dobles
render-embed-unclosed-text = a este texto le faltan las comillas de cierre
render-embed-unclosed-text-help = ciérralo con `"`
render-embed-not-a-value = `{ $word }` no es un valor
render-embed-not-a-value-help = escribe los textos entre comillas dobles ("…"), los números con cifras, o true/false
render-embed-takes-text = `{ $name }` recibe un texto, entre comillas dobles
render-embed-takes-text-help = escribe `{ $name }="…"`
render-embed-takes-number = `{ $name }` recibe un número entero desde 1
render-embed-takes-number-help = escribe, por ejemplo, `{ $name }=10`
render-embed-takes-flag = `{ $name }` recibe true o false
render-embed-takes-flag-help = escribe `{ $name }=true`
render-embed-no-resource = el conjunto de datos `{ $dataset }` no tiene el recurso `{ $name }`
render-embed-not-tabular = { $why ->
        [remote] `{ $resource }` no es un archivo de este portal: las tablas y gráficas leen archivos CSV y hojas de cálculo
       *[other] `{ $resource }` no es una tabla: las tablas y gráficas leen archivos CSV y hojas de cálculo
    }
render-embed-not-tabular-help = elige un recurso CSV o XLSX del conjunto de datos
render-embed-no-sheet = `{ $resource }` no tiene la hoja `{ $name }`
render-embed-no-column = `{ $resource }` no tiene la columna `{ $name }`
render-embed-bad-filter = el filtro `{ $filter }` no dice qué columna es igual a qué
render-embed-bad-filter-help = escribe `filtro="colonia=Centro"`: la columna, `=` y el valor que deben tener las filas
render-embed-no-file = el recurso no tiene archivo
render-embed-unreadable = no se pudo leer `{ $resource }`: { $error }
render-embed-unreadable-help = revisa el archivo
render-embed-nothing-to-map = `{ $resource }` no tiene nada que dibujar en un mapa
render-embed-nothing-to-map-help = elige un recurso KML o GeoJSON, o una tabla con columnas de latitud y longitud
render-embed-no-colour-column = el mapa no se puede colorear según `{ $column }`: un mapa se colorea según una columna de números, o de texto con pocos valores (de 2 a 30)
render-chart-needs-y = esta gráfica necesita la columna de sus valores, `y`
render-chart-needs-y-help = agrega `y="columna"`, o cuenta filas con `agregar="cuenta"`
render-chart-scatter-grouped = una gráfica de dispersión dibuja cada fila: no puede agruparlas
render-chart-scatter-grouped-help = elimina `agregar`/`agrupar`, o usa `tipo="barras"` o `tipo="lineas"`
render-chart-unknown-kind = `{ $name }` no es una clase de gráfica
render-chart-unknown-choice = `{ $name }` no es una opción de `{ $argument }`
render-chart-no-data = la gráfica no tiene datos: ninguna fila dio un número
render-chart-no-data-help = revisa que la columna de valores tenga números, la de fechas tenga fechas, y que el filtro coincida con alguna fila
render-chart-too-many-groups = `{ $column }` tiene más de { $max } valores distintos: demasiados para una gráfica
render-chart-too-many-groups-help = agrupa por otra columna, o por mes o año con `agrupar="mes"`

## Leyendas con cantidades (`$total` y `$n` se escriben como la página escribe los números; `$count` elige el plural)

render-preview-caption = Vista previa de { $name }: { $shown } de { $count ->
        [one] { $total } fila
       *[other] { $total } filas
    }
render-embed-rows-of = { $shown } de { $count ->
        [one] { $total } fila
       *[other] { $total } filas
    }
render-chart-bars-description = { $count ->
        [one] Gráfica de barras con { $n } barra.
       *[other] Gráfica de barras con { $n } barras.
    } La más alta: { $max_label }, { $max }. La más baja: { $min_label }, { $min }.
render-chart-lines-description = { $count ->
        [one] Gráfica de líneas con { $n } punto,
       *[other] Gráfica de líneas con { $n } puntos,
    } de { $first_label } ({ $first }) a { $last_label } ({ $last }). Máximo: { $max_label }, { $max }.
render-chart-scatter-description = { $count ->
        [one] Gráfica de dispersión con { $n } punto:
       *[other] Gráfica de dispersión con { $n } puntos:
    } { $x } de { $xmin } a { $xmax }; { $y } de { $ymin } a { $ymax }.

## Catálogos

# El título del esquema de conceptos DCAT de las categorías del portal.
render-dcat-categories = { $portal } · categorías
render-dcat-version = { $title } (versión { $version })

render-embed-no-dataset-help = { $suggestion } (el id de un conjunto de datos es `<participante>/<nombre del archivo descriptor>`)
