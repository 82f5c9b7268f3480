namespace Chancery.Domain.Press;

/// <summary>
/// The few words an exhibition's pages say around its own texts, in the languages the news drafts ship in (en, fr,
/// zh, ar); any other language reads them in English.
/// </summary>
public static class ExhibitionWords
{
    private sealed record Words(string Slideshow, string Original, string Clipping, string Previous, string Next, string Pause, string Play, string FullScreen,
        string Loading, string Ready, string Keys, string Heading);

    private static readonly Dictionary<string, Words> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("View as a slideshow", "Read the original", "Clipping from {0}: {1}", "Previous", "Next", "Pause", "Play", "Full screen",
            "Loading {0} of {1}…", "Ready: runs without the network", "Keys: ← → to move, space to pause, F for full screen", "The exhibition"),
        ["fr"] = new("Voir en diaporama", "Lire l’article original", "Coupure de presse, {0} : {1}", "Précédent", "Suivant", "Pause", "Lecture", "Plein écran",
            "Chargement {0} sur {1}…", "Prêt : fonctionne sans réseau", "Touches : ← → pour avancer, espace pour la pause, F pour le plein écran", "L’exposition"),
        ["zh"] = new("幻灯片放映", "阅读原文", "{0}剪报：{1}", "上一张", "下一张", "暂停", "播放", "全屏",
            "正在加载 {0}/{1}…", "已就绪：断网也可放映", "按键：← → 翻页，空格暂停，F 全屏", "展览"),
        ["ar"] = new("عرض كشرائح", "قراءة المقال الأصلي", "قصاصة من {0}: {1}", "السابق", "التالي", "إيقاف مؤقت", "تشغيل", "ملء الشاشة",
            "جارٍ التحميل {0} من {1}…", "جاهز: يعمل دون اتصال بالشبكة", "المفاتيح: ← → للتنقل، المسافة للإيقاف، F لملء الشاشة", "المعرض"),
    };

    private static Words For(string language) =>
        ByLanguage.GetValueOrDefault(language) ?? ByLanguage.GetValueOrDefault(language.Split('-')[0]) ?? ByLanguage["en"];

    public static string Slideshow(string language) => For(language).Slideshow;
    public static string Original(string language) => For(language).Original;
    public static string Clipping(string language, string outlet, string title) => string.Format(System.Globalization.CultureInfo.InvariantCulture, For(language).Clipping, outlet, title);
    public static string Previous(string language) => For(language).Previous;
    public static string Next(string language) => For(language).Next;
    public static string Pause(string language) => For(language).Pause;
    public static string Play(string language) => For(language).Play;
    public static string FullScreen(string language) => For(language).FullScreen;
    /// <summary>With {0} and {1} left for the script to fill (how many of how many pictures are in).</summary>
    public static string Loading(string language) => For(language).Loading;
    public static string Ready(string language) => For(language).Ready;
    public static string Keys(string language) => For(language).Keys;
    public static string Heading(string language) => For(language).Heading;
}
