## Names of the values people pick from.

sector-cso = مؤسسة مجتمع مدني
sector-government = جهة حكومية
sector-private = القطاع الخاص
sector-academia = جهة أكاديمية
sector-media = الإعلام
sector-individual = فرد

gov-amman = عمّان
gov-irbid = إربد
gov-zarqa = الزرقاء
gov-balqa = البلقاء
gov-madaba = مادبا
gov-karak = الكرك
gov-tafilah = الطفيلة
gov-maan = معان
gov-aqaba = العقبة
gov-mafraq = المفرق
gov-jerash = جرش
gov-ajloun = عجلون

completion-not_started = لم يبدأ
completion-limited = محدود
completion-substantial = جوهري
completion-complete = مكتمل

state-new = جديدة
state-received = استُلمت
state-under_study = قيد الدراسة
state-accepted = اعتُمدت
state-partly_accepted = اعتُمدت جزئياً
state-not_accepted = لم تُعتمد
state-implemented = نُفّذت
