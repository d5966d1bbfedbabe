## Names of the values people pick from.

sector-cso = مؤسسة مجتمع مدني
sector-government = جهة حكومية
sector-private = القطاع الخاص
sector-academia = جهة أكاديمية
sector-media = الإعلام
sector-individual = فرد

# The same kinds in the plural, as the reports' sentences name them («وعدد من مؤسسات المجتمع المدني وجهات حكومية»).
sector-plural-cso = مؤسسات المجتمع المدني
sector-plural-government = الجهات الحكومية ذات العلاقة
sector-plural-private = القطاع الخاص
sector-plural-academia = الجهات الأكاديمية
sector-plural-media = وسائل الإعلام
sector-plural-individual = الأفراد

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

day-sun = الأحد
day-mon = الاثنين
day-tue = الثلاثاء
day-wed = الأربعاء
day-thu = الخميس
day-fri = الجمعة
day-sat = السبت
# After «أول» and «كل» (أول أحد من كل شهر، كل اثنين).
day-bare-sun = أحد
day-bare-mon = اثنين
day-bare-tue = ثلاثاء
day-bare-wed = أربعاء
day-bare-thu = خميس
day-bare-fri = جمعة
day-bare-sat = سبت
