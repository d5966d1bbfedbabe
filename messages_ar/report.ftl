## The meeting report (.docx), shaped like the coordinating unit's own reports; and /report in the chat.

# The document's author (OGP_REPORT_AUTHOR replaces it): the coordinating unit.
rep-author = وحدة الحكومة الشفافة — وزارة التخطيط والتعاون الدولي
rep-title = تقرير مدخلات أصحاب المصلحة حول { $plan }
rep-title-round = تقرير { $round }
rep-intro = جمعت { $owner } مدخلات أصحاب المصلحة ومؤسسات المجتمع المدني وضباط ارتباط تنفيذ { $plan } عبر بوت المتابعة، وذلك بهدف عرض ما تم إنجازه في التزامات الخطة وتقديم توصيات متعلقة بآليات استكمال تنفيذها. يعرض هذا التقرير أبرز التوصيات لكل التزام مجمّعة حسب محاورها، مبتدئاً بالأكثر تأييداً، ثم الوضع الحالي لتنفيذ الالتزام.
## A round's report: the meeting as the seed tells it (held on, where, who attended), then the groups' findings.
rep-round-intro = قامت { $owner } بعقد { $round } يوم { $weekday } الموافق { $date } { $place }، ضمن { $plan }، وذلك بهدف عرض ما تم إنجازه في التزامات الخطة ومناقشة سير عملها مع أصحاب المصلحة. يعرض هذا التقرير الحضور، ثم أبرز النتائج لكل التزام مجمّعة حسب أسئلة النقاش ومحاورها، مبتدئاً بالأكثر تأييداً، ثم الوضع الحالي لتنفيذ الالتزام.
rep-round-intro-undated = قامت { $owner } بعقد { $round } { $place }، ضمن { $plan }، وذلك بهدف عرض ما تم إنجازه في التزامات الخطة ومناقشة سير عملها مع أصحاب المصلحة. يعرض هذا التقرير الحضور، ثم أبرز النتائج لكل التزام مجمّعة حسب أسئلة النقاش ومحاورها، مبتدئاً بالأكثر تأييداً، ثم الوضع الحالي لتنفيذ الالتزام.
rep-round-place = في { $place }
rep-weekday = { $day ->
    [0] الاثنين
    [1] الثلاثاء
    [2] الأربعاء
    [3] الخميس
    [4] الجمعة
    [5] السبت
   *[6] الأحد
}
rep-attendance = { $count ->
    [zero] لم ينضم أي مشارك إلى الاجتماع عبر البوت
    [one] وقد حضر الاجتماع مشارك واحد
    [two] وقد حضر الاجتماع مشاركان
    [few] وقد حضر الاجتماع { $count } مشاركين ومشاركات
    [many] وقد حضر الاجتماع { $count } مشاركاً ومشاركة
   *[other] وقد حضر الاجتماع { $count } مشارك ومشاركة
}
rep-joined-bot = { $count ->
    [zero] ولم ينضم أحد إلى مجموعات العمل عبر البوت
    [one] وانضم إلى مجموعات العمل عبر البوت مشارك واحد
    [two] وانضم إلى مجموعات العمل عبر البوت مشاركان
    [few] وانضم إلى مجموعات العمل عبر البوت { $count } مشاركين ومشاركات
    [many] وانضم إلى مجموعات العمل عبر البوت { $count } مشاركاً ومشاركة
   *[other] وانضم إلى مجموعات العمل عبر البوت { $count } مشارك ومشاركة
}
rep-hall = { $count ->
    [zero] ولم يُسجَّل حضور في القاعة
    [one] وقد حضر الاجتماع مشارك واحد
    [two] وقد حضر الاجتماع مشاركان
    [few] وقد حضر الاجتماع { $count } مشاركين ومشاركات
    [many] وقد حضر الاجتماع { $count } مشاركاً ومشاركة
   *[other] وقد حضر الاجتماع { $count } مشارك ومشاركة
}
rep-hall-among = { $attendance } من ضمنهم { $parts }
rep-hall-separator = {"، و"}
rep-hall-officers = { $count ->
    [one] ضابط ارتباط واحد لتنفيذ الخطة
    [two] ضابطا ارتباط لتنفيذ الخطة
   *[other] { $count } من ضباط ارتباط تنفيذ الخطة
}
rep-hall-part = { $count ->
    [one] واحد من { $group }
    [two] اثنان من { $group }
   *[other] { $count } من { $group }
}
rep-attendance-with-officers = { $attendance }، { $officers }
rep-attendance-officers = { $count ->
    [one] من ضمنهم ضابط ارتباط واحد لتنفيذ الخطة
    [two] من ضمنهم ضابطا ارتباط لتنفيذ الخطة
    [few] من ضمنهم { $count } ضباط ارتباط لتنفيذ الخطة
    [many] من ضمنهم { $count } ضابط ارتباط لتنفيذ الخطة
   *[other] من ضمنهم { $count } ضابط ارتباط لتنفيذ الخطة
}
rep-attendance-organisations = ومن الجهات المشاركة: { $organisations }.
rep-attendance-organisations-count = { $count ->
    [one] ومثّلوا جهة واحدة.
    [two] ومثّلوا جهتين.
    [few] ومثّلوا { $count } جهات.
    [many] ومثّلوا { $count } جهة.
   *[other] ومثّلوا { $count } جهة.
}
rep-organisation-count = { $organisation } ({ $count })
rep-attendance-groups = وتوزّع المشاركون على مجموعات العمل، مجموعة عمل لكل التزام: { $groups }.
rep-attendance-group = مجموعة الالتزام { $number } ({ $count })
rep-participants = { $count ->
    [zero] لم تصل مدخلات من أي مشارك بعد.
    [one] وقد شارك في تقديم المدخلات مشارك واحد.
    [two] وقد شارك في تقديم المدخلات مشاركان.
    [few] وقد شارك في تقديم المدخلات { $count } مشاركين ومشاركات.
    [many] وقد شارك في تقديم المدخلات { $count } مشاركاً ومشاركة.
   *[other] وقد شارك في تقديم المدخلات { $count } مشارك ومشاركة.
}
rep-sectors = توزّعوا على الجهات التالية: { $sectors }.
rep-sector-count = { $sector } ({ $count })
rep-sector-unknown = جهات غير محددة
rep-commitment-heading = أبرز النتائج التي تم الخروج بها فيما يتعلق بالالتزام { $number ->
    [1] الأول
    [2] الثاني
    [3] الثالث
    [4] الرابع
    [5] الخامس
    [6] السادس
    [7] السابع
    [8] الثامن
    [9] التاسع
    [10] العاشر
    [11] الحادي عشر
    [12] الثاني عشر
    [13] الثالث عشر
    [14] الرابع عشر
    [15] الخامس عشر
    [16] السادس عشر
    [17] السابع عشر
    [18] الثامن عشر
    [19] التاسع عشر
    [20] العشرين
   *[other] رقم { $number }
}:
rep-commitment-title = «{ $title }» — { $agency }
rep-theme = · { $theme }:
rep-theme-other = محور آخر
rep-list-and = { $rest }{"، "}{ $last }
rep-endorsements = { $count ->
    [one] (أيّدها مشارك واحد)
    [two] (أيّدها مشاركان)
    [few] (أيّدها { $count } مشاركين)
    [many] (أيّدها { $count } مشاركاً)
   *[other] (أيّدها { $count } مشارك)
}
rep-raised-by = { $count ->
    [one] (طرحها شخص واحد أو مجموعة واحدة)
    [two] (طرحها شخصان أو مجموعتان)
    [few] (طرحها { $count } أشخاص أو مجموعات)
    [many] (طرحها { $count } شخصاً أو مجموعة)
   *[other] (طرحها { $count } شخص أو مجموعة)
}
rep-no-recommendations = لم تصل توصيات على هذا الالتزام.
rep-status = الوضع الحالي للالتزام: مستوى الإنجاز «{ $completion }» بنسبة { $progress }%، بحسب آخر تحديث بتاريخ { $date }.
rep-status-note = ملاحظة ضابط الارتباط: { $note }
rep-status-none = الوضع الحالي للالتزام: لم يُنشر أي تحديث على تنفيذه بعد.

rep-choose-scope = أي تقرير تريد؟
rep-scope-plan = 📄 كل مدخلات الخطة
rep-caption = تقرير اللقاء بصيغة Word، جاهز للتحرير والنشر.
menu-report = 📝 تقرير اللقاء
command-report = تقرير اللقاء بصيغة Word

## Evidence files of the newest progress update.
rep-status-files = ملفات الأدلة المرفقة بهذا التحديث: { $files } (منشورة في صفحة الالتزام على الموقع العام، ومضمّنة في ملف التصدير مع الملفات).
