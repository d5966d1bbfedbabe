## /stats: figures for coordinators, and the words of the chart.

stats-title = 📈 إحصاءات { $plan }
stats-participants = { $count ->
    [zero] لا يوجد مشاركون مسجّلون بعد.
    [one] مشارك مسجّل واحد.
    [two] مشاركان مسجّلان.
    [few] { $count } مشاركين مسجّلين.
    [many] { $count } مشاركاً مسجّلاً.
   *[other] { $count } مشارك مسجّل.
}
stats-by-sector = حسب القطاع:
stats-by-governorate = حسب المحافظة:
stats-line = • { $name }: { $count }
stats-unspecified = غير محدد
stats-commitments = التوصيات حسب الالتزام:
stats-commitment-line = الالتزام { $number }: { $count ->
    [zero] لا توصيات
    [one] توصية واحدة
    [two] توصيتان
    [few] { $count } توصيات
    [many] { $count } توصية
   *[other] { $count } توصية
} — نسبة الرد: { $rate } — وسيط مدة الرد: { $median }
stats-rate = { $rate }%
stats-rate-none = —
stats-states = ↳ { $states }
stats-days = { $days ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يوماً
   *[other] { $days } يوم
}
stats-no-answers = لا ردود بعد
stats-no-recommendations = لم تصل أي توصية بعد.
stats-chart-no-participants = لا يوجد مشاركون مسجّلون بعد
stats-chart-caption = الرسم: التوصيات حسب الالتزام والحالة، والمشاركون حسب القطاع.
stats-chart-title = التوصيات حسب الالتزام وحالتها
stats-chart-commitment = الالتزام { $number }
stats-chart-bar-note = الرد { $rate } · الوسيط { $median }
stats-chart-sectors = المشاركون حسب القطاع
stats-chart-count = العدد
menu-stats = 🧮 الإحصاءات
command-stats = إحصاءات المشاركة والردود
