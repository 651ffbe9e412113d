/**
 * Synthetic Arabic news reports for throughput runs: sentences in the style of the seed texts
 * (reception, talks, topics, quotes), names and places drawn from small lists with a fixed seed,
 * so every run ingests the same batch. Not for scoring: nothing here is true.
 */
const HOSTS = ["مستشار الأمن القومي قاسم الأعرجي", "وزير الداخلية عبد الأمير الشمري", "وزير الخارجية فؤاد حسين", "رئيس الوزراء محمد شياع السوداني", "وزير الدفاع ثابت العباسي"];
const GUESTS = ["سفير الدنمارك السيد يوهان لارسن", "قائد بعثة حلف الناتو في العراق الفريق جيوفاني اينوتشي", "رئيسة بعثة الاتحاد الأوروبي السفيرة ماريا كوستا", "نائب الأمين العام للحلف الجنرال هانس مولر", "سفير فنلندا السيد ماتي كورهونن"];
const PLACES = ["في بغداد", "في بروكسل", "في أربيل", "على هامش مؤتمر ميونخ للأمن"];
const DAYS = ["اليوم الأحد", "اليوم الاثنين", "مساء أمس الثلاثاء", "يوم 12 آذار 2024", "الخميس 9 فبراير 2023"];
const TOPICS = ["مكافحة الإرهاب", "تبادل الخبرات الأمنية", "الأمن السيبراني", "مكافحة المخدرات", "حماية الحدود", "تدريب القوات الأمنية"];
const FILLER = [
  "وأكد الجانبان أهمية الاستمرار في التنسيق المشترك خلال المرحلة المقبلة.",
  "وأشار البيان إلى أن اللقاء جرى في أجواء إيجابية.",
  "وتأتي الزيارة في إطار برنامج الشراكة بين العراق والحلف.",
  "ولفت إلى أن العراق حريص على علاقاته مع شركائه الدوليين.",
];

function lcg(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function syntheticBatch(count: number, seed = 7): string[] {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const host = pick(HOSTS);
    const guest = pick(GUESTS);
    const lines = [
      `${host.split(" ").slice(-2).join(" ")} يبحث مع ضيفه ${pick(TOPICS)} (${i + 1})`,
      `استقبل ${host} ${pick(PLACES)}، ${pick(DAYS)}، ${guest} والوفد المرافق له.`,
      `وبحث الجانبان سبل تعزيز التعاون في مجال ${pick(TOPICS)} و${pick(TOPICS)}، بحسب بيان صدر عقب اللقاء رقم ${i + 1}.`,
      ...Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => pick(FILLER)),
      "التعليقات",
    ];
    return lines.join("\n");
  });
}
