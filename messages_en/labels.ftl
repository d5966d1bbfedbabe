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
state-accepted = Adopted
state-partly_accepted = Partly adopted
state-not_accepted = Not adopted
state-implemented = Implemented

# The same kinds in the plural, as the reports' sentences name them.
sector-plural-cso = civil society organisations
sector-plural-government = government bodies concerned
sector-plural-private = the private sector
sector-plural-academia = academic institutions
sector-plural-media = the media
sector-plural-individual = individuals

day-sun = Sunday
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
# After "first" and "every" (the first Sunday of every month, every Monday).
day-bare-sun = Sunday
day-bare-mon = Monday
day-bare-tue = Tuesday
day-bare-wed = Wednesday
day-bare-thu = Thursday
day-bare-fri = Friday
day-bare-sat = Saturday
