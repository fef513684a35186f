#!/usr/bin/env python3
"""Writes a site with one dataset whose CSV has ROWS rows (default 1,000,000),
for the explorer's browser test and benchmark.

    make_site.py SITE_DIR [ROWS]

The rows are pseudo-random but the same on every run (a fixed seed): a unique
folio, a municipality and a colonia with accents, a date, an amount with a
decimal point (some empty) and a kind. The middle row is hostile: its colonia
is markup with a script in an attribute, its kind a `javascript:` address
(neither has a comma or a quote, so no cell is quoted).
"""
import os
import random
import sys

site = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
MUNICIPIOS = ["Zapopan", "Guadalajara", "Tlaquepaque", "Tonalá", "Tlajomulco de Zúñiga",
              "El Salto", "Ixtlahuacán de los Membrillos", "Juanacatlán", "Zapotlanejo",
              "Acatlán de Juárez", "San Pedro Garza García", "Xalapa"]
COLONIAS = ["Centro", "José López Portillo", "Niños Héroes", "Jardines del Bosque",
            "Las Águilas", "Santa Tere", "Ciudad Granja", "Mezquitán", "Oblatos", "Huentitán",
            "La Estancia", "Colón Industrial", "El Fresno", "Lomas de Zapopan", "Arboledas",
            "Providencia", "Chapalita", "Miravalle", "San Andrés", "Atemajac"]
HOSTILE = ("<img src=x onerror=window.pwned=1>", "javascript:window.pwned=2")
TIPOS = ["Choque", "Atropellamiento", "Volcadura", "Caída de pasajero", "Colisión con objeto fijo"]

os.makedirs(os.path.join(site, "participants", "prueba", "datos"), exist_ok=True)
with open(os.path.join(site, "portal.toml"), "w", encoding="utf-8") as f:
    f.write('title = "Explorador de prueba"\nbase_url = "https://datos.example.org/"\n'
            'default_license = "cc-by-4.0"\n')
with open(os.path.join(site, "participants", "prueba", "participant.toml"), "w", encoding="utf-8") as f:
    f.write('name = "Gobierno de Prueba"\nshort_name = "Prueba"\nkind = "estado"\n')
with open(os.path.join(site, "participants", "prueba", "incidentes.toml"), "w", encoding="utf-8") as f:
    f.write('title = "Incidentes viales"\ndescription = "Datos ficticios para probar el explorador."\n\n'
            '[[resources]]\ntitle = "Incidentes"\npath = "datos/incidentes.csv"\n')
rng = random.Random(20261206)
with open(os.path.join(site, "participants", "prueba", "datos", "incidentes.csv"), "w",
          encoding="utf-8", newline="") as f:
    f.write("folio,municipio,colonia,fecha,monto,tipo\n")
    out = []
    for i in range(rows):
        day = rng.randrange(3653)
        year, rest = 2015 + day // 366, day % 366
        month, dom = 1 + rest // 31 % 12, 1 + rest % 28
        amount = "" if rng.random() < 0.03 else f"{rng.random() * 10000:.2f}"
        municipio, colonia, tipo = rng.choice(MUNICIPIOS), rng.choice(COLONIAS), rng.choice(TIPOS)
        if i == rows // 2:
            colonia, tipo = HOSTILE
        out.append(f"F-{i + 1:07d},{municipio},{colonia},"
                   f"{year:04d}-{month:02d}-{dom:02d},{amount},{tipo}\n")
        if len(out) == 10000:
            f.write("".join(out))
            out = []
    f.write("".join(out))
