## Names of the values people pick from.

sector-cso = Civil society
sector-government = Government
sector-private = Private sector
sector-academia = Academia
sector-media = Media
sector-individual = Individual

gov-amman = Amman
gov-irbid = Irbid
gov-zarqa = Zarqa
gov-balqa = Balqa
gov-madaba = Madaba
gov-karak = Karak
gov-tafilah = Tafilah
gov-maan = Ma'an
gov-aqaba = Aqaba
gov-mafraq = Mafraq
gov-jerash = Jerash
gov-ajloun = Ajloun

completion-not_started = Not started
completion-limited = Limited
completion-substantial = Substantial
completion-complete = Complete

state-new = New
state-received = Received
state-under_study = Under study
state-accepted = Accepted
state-partly_accepted = Partly accepted
state-not_accepted = Not accepted
state-implemented = Implemented
