# rules

## Datos personales

rules-personal-data = la columna `{ $column }` contiene { $kind } en { $rows ->
        [one] { $rows } fila
       *[other] { $rows } filas
    } ({ $unit ->
        [row] { $count ->
            [one] fila
           *[other] filas
        }
        [feature] { $count ->
            [one] elemento
           *[other] elementos
        }
       *[line] { $count ->
            [one] línea
           *[other] líneas
        }
    } { $lines }), por ejemplo `{ $example }`
rules-personal-data-accepted = { $message }: aceptado
rules-personal-data-accepted-help = { $descriptor } dice: «{ $reason }»
rules-personal-data-help = elimina o anonimiza la columna antes de publicar; si es pública a propósito (por ejemplo, teléfonos de oficinas), acéptala en { $descriptor } con [[resources.personal_data]] column = "{ $column }" reason = "…"
rules-personal-data-name = el nombre de la columna `{ $column }` parece de datos personales; no se encontró en ella ningún identificador, correo ni teléfono
rules-personal-data-name-help = asegúrate de que nombre lugares o instituciones, no personas

## Completitud

rules-field-publisher = el correo de quien publica: `contact.email` o el `email` del participante
rules-field-resources-fields = tipo y descripción de cada columna
