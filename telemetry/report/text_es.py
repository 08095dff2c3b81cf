"""The practitioner report's words in Spanish (Spain), same keys and ``{name}``
placeholders as the English table in :mod:`telemetry.report.text`, which registers it.
Touches nothing."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

ES: Mapping[str, str] = MappingProxyType({
    "title": "Perfil de exploración vocacional de Worktown",
    "subtitle": "Para el orientador o la orientadora, antes de una entrevista de orientación",
    "player": "Código de jugador",
    "generated": "Informe generado",
    "purpose": ("Este perfil sirve para explorar y conversar con el o la joven. Nunca debe "
                "usarse para seleccionar, calificar ni decidir lo que alguien puede hacer."),
    "h_profile": "Perfil de intereses (RIASEC de Holland)",
    "h_scores": "Las seis puntuaciones",
    "scale_note": ("Todas las puntuaciones usan la misma escala: 0 es un jugador típico y +1, una "
                   "desviación típica por encima. La barra muestra el intervalo del {pct} %: "
                   "cuanto más estrecha, más seguro."),
    "col_type": "Tipo", "col_score": "Punt.", "col_interval": "Intervalo",
    "col_evidence": "Evidencias", "col_top": "Prob. de encabezar",
    "h_code": "Código Holland",
    "code_line": "Código Holland {code}: {names}.",
    "certainty_sure": "Bastante asentado",
    "certainty_fair": "Probable, pero no asentado",
    "certainty_tentative": "Provisional",
    "certainty_not_interpretable": "Todavía no interpretable",
    "unreadable_same_answers": ("Todavía no interpretable: las respuestas son iguales para todo, "
                                "así que no muestran qué intereses destacan. Las puntuaciones de "
                                "abajo no son un perfil."),
    "unreadable_random_answers": ("Todavía no interpretable: las respuestas no encajan entre sí "
                                  "(parecen pulsadas al azar). Las puntuaciones de abajo no son "
                                  "un perfil."),
    "certainty_text": ("{label}. En {set} de 100 versiones plausibles de este perfil salen arriba "
                       "las mismas tres letras (en cualquier orden) y en {exact} de 100, "
                       "exactamente en este orden; {first} es el primer tipo en {firstp} de 100."),
    "h_diff": "Diferenciación",
    "diff_flat": ("Por ahora, plano: ningún interés destaca sobre los demás (rango {range}). "
                  "Jugar más, o una conversación, aclarará el panorama."),
    "diff_moderate": "Algunos intereses destacan sobre los demás (rango {range}).",
    "diff_clear": "Unos pocos intereses destacan claramente sobre el resto (rango {range}).",
    "h_cons": "Consistencia",
    "cons_high": ("Alta: los dos primeros tipos ({pair}) son vecinos en el hexágono de Holland; "
                  "tienen mucho en común y muchas profesiones los combinan."),
    "cons_medium": ("Media: los dos primeros tipos ({pair}) están a un paso en el hexágono; "
                    "hay bastantes profesiones que usan ambos."),
    "cons_low": ("Baja: los dos primeros tipos ({pair}) son opuestos en el hexágono. Pocas "
                 "profesiones los mezclan; merece la pena explorar puestos, aficiones o proyectos "
                 "que usen los dos. Es un patrón para comentar, no un problema."),
    "cons_unknown": "Todavía no hay evidencias suficientes para saberlo.",
    "h_matches": "Profesiones que encajan con el perfil, por Job Zone",
    "matches_note": ("Ordenadas según lo mucho que el perfil de intereses O*NET de la profesión "
                     "se parece al del jugador (correlación r, 1 = misma forma). Job Zone = "
                     "cuánta preparación suele requerir el trabajo. Los nombres de los trabajos "
                     "son los de EE. UU. (O*NET); la columna ESCO da el nombre europeo cuando "
                     "hay uno que encaja."),
    "route_line": "Rutas habituales en {place}: {words}",
    "matches_none": "Aún no hay coincidencias: el perfil sigue plano.",
    "col_occupation": "Profesión", "col_fit": "Ajuste r", "col_esco": "Denominación ESCO (europea)",
    "col_code": "Código",
    "h_cms": "Competencias de gestión de la carrera (temas SDS)",
    "cms_note": ("Niveles según las evidencias que vio el juego: ninguno, incipiente, en desarrollo, "
                 "consolidado. Describen lo que pasó en el juego, no a la persona."),
    "col_competence": "Competencia", "col_level": "Nivel", "col_theme": "Tema",
    "level_none": "ninguno", "level_emerging": "incipiente", "level_developing": "en desarrollo",
    "level_secure": "consolidado",
    "theme_self": "Uno mismo", "theme_strengths": "Fortalezas", "theme_horizons": "Horizontes",
    "theme_networks": "Redes",
    "h_reflect": "Con sus propias palabras",
    "reflect_none": "Todavía no hay reflexiones registradas.",
    "next_step": "Siguiente paso elegido",
    "next_step_none": "Todavía no ha elegido un siguiente paso.",
    "expect": "esperaba", "enjoy": "le gustó", "could": "¿podría ser yo?",
    "skills_named": "habilidades mencionadas", "notes": "notas",
    "h_starters": "Ideas para empezar la conversación",
    "h_session": "Datos de las sesiones",
    "s_dates": "Fechas de juego", "s_sessions": "Sesiones", "s_minutes": "Minutos de juego",
    "s_challenges": "Retos completados", "s_districts": "Barrios visitados",
    "s_statements": "Eventos registrados", "s_skipped": "eventos ilegibles omitidos",
    "h_appendix": "Anexo: las evidencias en detalle",
    "h_evidence": "Evidencias de cada tipo",
    "evidence_note": ("Lo que el jugador eligió, repitió, valoró y respondió. ↑ indica más "
                      "interés y ↓, menos; primero las más fuertes."),
    "evidence_none": "Todavía no hay evidencias.",
    "h_cms_detail": "Competencias de gestión de la carrera: las evidencias",
    "h_all_matches": "Todas las profesiones que encajan",
    "h_saved": "Profesiones que ha guardado",
    "saved_line": "{title} ({code}): ajuste {label} con el código del jugador (M de Iachan = {m} de 28)",
    "h_strengths": "Desempeño en los retos (evidencia de fortalezas, no de intereses)",
    "strength_line": ("{name}: {n} jugados, {ok} superados, puntuación media {score}, "
                      "dificultad más alta superada {diff}"),
    "h_method": "Cómo se elabora el perfil",
    "method": ("Un modelo bayesiano interpreta las elecciones libres, las valoraciones antes y "
               "después de los retos, las respuestas a «¿podría ser yo?», las actividades del tablón "
               "de encargos y las preguntas de los mentores, tomadas de los IIP RIASEC Markers "
               "(dominio público), las repeticiones, "
               "las rondas extra opcionales y el tiempo de lectura. La rapidez y el acierto nunca "
               "cuentan como interés. El estilo de respuesta (tendencia a puntuarlo todo alto o "
               "bajo) se estima y se descuenta: en este caso, {style}."),
    "h_attribution": "Fuentes de datos",
    "esco_credit": ("Denominaciones europeas de profesiones: ESCO, Comisión Europea, a través de "
                    "la tabla de correspondencias Mapping Career Causeways de Nesta."),
    "page": "Página {n}",
    "none": "—",
    "ev_choice": "Eligió {chosen} {where}",
    "ev_not_chosen": "No eligió este tipo {where} (eligió {chosen})",
    "ev_expect": "Antes de {title}: esperaba que le gustara {value}/5",
    "ev_enjoy": "Después de {title}: le gustó {value}/5",
    "ev_could_be_me": "Después de {title}: «¿podría ser yo?» {value}",
    "ev_item": "Le gustaría «{title}»: {value}/5",
    "ev_replay_yes": "Repitió {title}",
    "ev_replay_no": "No repitió {title}",
    "ev_extra_round_yes": "Jugó la ronda extra opcional de {title}",
    "ev_extra_round_no": "Se saltó la ronda extra opcional de {title}",
    "ev_reading": "Leyó sobre {title} durante {value} s",
    "where_hub": "en el mapa del pueblo",
    "where_place": "en {place}",
    "where_other": "en {place}",
    "answer_yes": "sí", "answer_maybe": "quizá", "answer_no": "no",
    "act_challenge": "Reto: {title}",
    "act_reflect": "Reflexión tras {title}",
    "act_mentor": "Habló con el mentor {title}",
    "act_occupation": "Profesión: {title}",
    "act_item": "Actividad valorada (tablón de encargos o mentor)",
    "act_next_step": "Eligió un siguiente paso",
    "act_other": "{title}",
    "weight_demonstrated": "lo hizo bien", "weight_reflected": "reflexionó",
    "weight_engaged": "participó",
    "st_enjoyed": "Lo que más le gustó fue {title} ({value}/5). ¿Qué lo hizo bueno? ¿De qué parte querría más?",
    "st_surprise": "{title} le resultó {dir} de lo que esperaba ({before}/5 antes, {after}/5 después). ¿Qué fue distinto de lo que imaginaba?",
    "dir_better": "mejor", "dir_worse": "peor",
    "st_could": "Después de {title} respondió que sí a «¿podría ser yo?». ¿Qué necesitaría aprender o probar para dedicarse a ello de verdad?",
    "st_tentative": "El perfil aún es provisional. Pregúntale cuál de {a}, {b} y {c} se parece más a él o a ella, y por qué.",
    "st_flat": "Los intereses parecen repartidos por igual. Pregúntale qué haría en una tarde libre y qué evitaría.",
    "st_low_cons": "Sus dos primeros tipos ({a} y {b}) rara vez van juntos. ¿Hay puestos, aficiones o proyectos que usen los dos?",
    "st_saved": "Guardó {title} en su pasaporte. ¿Qué le atrajo y qué sabe ya sobre cómo llegar a ello?",
    "st_next": "Su siguiente paso elegido: «{step}». Acordad una acción pequeña y cuándo la hará.",
    "st_no_next": "Todavía no ha elegido un siguiente paso. Pensadlo juntos.",
    "st_networks": "Aún hay pocas evidencias de «{name}». ¿A quién podría preguntar sobre trabajos que le gustan?",
    "st_top": "Su interés más fuerte en el juego fue {name}. ¿En qué otros momentos de su vida hace cosas de tipo {name_lower}?",
    "type_R": "Realista", "type_I": "Investigador", "type_A": "Artístico", "type_S": "Social",
    "type_E": "Emprendedor", "type_C": "Convencional",
    "pair": "{a} y {b}",
    "interval_to": "a",
    "hexagon_label": "Hexágono RIASEC",
})
