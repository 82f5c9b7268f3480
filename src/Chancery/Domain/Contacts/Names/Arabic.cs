using System.Text;

namespace Chancery.Domain.Contacts.Names;

/// <summary>
/// Arabic-script names in the spelling English-language lists use ("Rana al-Khatib", "Abdullah", "Khaled"): names a
/// table knows are spelled as their bearers usually write them; the article is "al-"; a name written with its vowel
/// marks is read letter by letter. Arabic is mostly written without short vowels, so for any other name the letters
/// are a guess (خطيب could be Khatib or Khateeb) and the result says so: a person should check it.
/// </summary>
public static class Arabic
{
    private const string Article = "ال";

    private static readonly Dictionary<string, string> Known = BuildKnown();

    private static readonly Dictionary<char, string> Consonants = new()
    {
        ['ب'] = "b",
        ['ت'] = "t",
        ['ث'] = "th",
        ['ج'] = "j",
        ['ح'] = "h",
        ['خ'] = "kh",
        ['د'] = "d",
        ['ذ'] = "dh",
        ['ر'] = "r",
        ['ز'] = "z",
        ['س'] = "s",
        ['ش'] = "sh",
        ['ص'] = "s",
        ['ض'] = "d",
        ['ط'] = "t",
        ['ظ'] = "z",
        ['ع'] = "",
        ['غ'] = "gh",
        ['ف'] = "f",
        ['ق'] = "q",
        ['ك'] = "k",
        ['ل'] = "l",
        ['م'] = "m",
        ['ن'] = "n",
        ['ه'] = "h",
        ['ء'] = "",
        ['ؤ'] = "",
        ['ئ'] = "",
        ['پ'] = "p",
        ['چ'] = "ch",
        ['ژ'] = "zh",
        ['گ'] = "g",
        ['ڤ'] = "v",
        ['ٹ'] = "t",
        ['ڈ'] = "d",
        ['ڑ'] = "r",
        ['ں'] = "n",
        ['ھ'] = "h",
        ['ہ'] = "h",
    };

    private const char Fatha = '\u064E', Damma = '\u064F', Kasra = '\u0650', Sukun = '\u0652', Shadda = '\u0651';

    /// <summary>Each word of a name in Latin letters, and whether every word was known or written with its vowels.</summary>
    public static (string Latin, bool Sure) Romanize(string arabic)
    {
        var words = Normalize(arabic).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var latin = new List<string>();
        var sure = true;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            // عبد الله, عبد الرحمن: "servant of" and the name of God that follows make one name.
            if (Bare(word) == "عبد" && i + 1 < words.Length && Bare(words[i + 1]).StartsWith(Article, StringComparison.Ordinal))
            {
                if (Lookup("عبد" + Bare(words[i + 1])) is { } compound)
                {
                    latin.Add(compound);
                    i++;
                    continue;
                }
            }
            var (text, known) = Word(word);
            latin.Add(text);
            sure &= known;
        }
        return (string.Join(" ", latin), sure);
    }

    private static (string Text, bool Sure) Word(string word)
    {
        var bare = Bare(word);
        if (Lookup(bare) is { } known)
        {
            return (known, true);
        }
        // The article is a plain alif and lam: إلهام (Ilham) begins with a hamza and has none.
        var plain = Unmarked(word);
        if (plain.Length > Article.Length + 1 && plain.StartsWith(Article, StringComparison.Ordinal))
        {
            var rest = word[(word.IndexOf('ل', StringComparison.Ordinal) + 1)..];
            var (text, sure) = Word(rest.TrimStart(Sukun));
            return ("al-" + text, sure);
        }
        // عبدالحكيم written as one word: Abdulhakim.
        if (plain.Length > 6 && plain.StartsWith("عبدال", StringComparison.Ordinal))
        {
            var (text, sure) = Word(word[(word.IndexOf('ل', StringComparison.Ordinal) + 1)..].TrimStart(Sukun));
            return ("Abdul" + text.ToLowerInvariant(), sure);
        }
        var vowelled = word.Count(c => c is Fatha or Damma or Kasra or Sukun or Shadda) * 2 >= bare.Length;
        return (Capitalized(Letters(word)), vowelled);
    }

    /// <summary>Letter by letter: marked vowels where written, else long vowels from ا و ي and an a between consonants.</summary>
    private static string Letters(string word)
    {
        var sb = new StringBuilder();
        var marked = word.Any(c => c is Fatha or Damma or Kasra);
        var lastWasConsonant = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            switch (c)
            {
                case Fatha: sb.Append('a'); lastWasConsonant = false; continue;
                case Damma: sb.Append('u'); lastWasConsonant = false; continue;
                case Kasra: sb.Append('i'); lastWasConsonant = false; continue;
                case Sukun: continue;
                case Shadda:
                    if (sb.Length > 0)
                    {
                        sb.Append(sb[^1]);
                    }
                    continue;
                case 'ا' or 'أ' or 'إ' or 'آ' or 'ٱ' or 'ى':
                    if (sb.Length == 0 || !"aiu".Contains(sb[^1], StringComparison.Ordinal) || c == 'آ')
                    {
                        sb.Append(c == 'إ' ? 'i' : 'a');
                    }
                    lastWasConsonant = false;
                    continue;
                case 'ة':
                    if (sb.Length == 0 || sb[^1] != 'a')
                    {
                        sb.Append('a');
                    }
                    lastWasConsonant = false;
                    continue;
                case 'و' or 'ي' or 'ی':
                    var glide = c == 'و' ? "w" : "y";
                    var vowel = c == 'و' ? 'u' : 'i';
                    var atStart = sb.Length == 0;
                    var beforeVowel = next is 'ا' or 'ة' or Fatha or Damma or Kasra;
                    if (atStart || beforeVowel || (marked && sb.Length > 0 && "aiu".Contains(sb[^1], StringComparison.Ordinal) && next is Sukun))
                    {
                        if (lastWasConsonant && !marked)
                        {
                            sb.Append('a');
                        }
                        sb.Append(glide);
                        lastWasConsonant = true;
                    }
                    else if (!marked || sb.Length == 0 || sb[^1] != vowel)
                    {
                        sb.Append(vowel);
                        lastWasConsonant = false;
                    }
                    continue;
            }
            if (!Consonants.TryGetValue(c, out var latin))
            {
                if (char.IsLetter(c))
                {
                    sb.Append(AnyAscii.Transliteration.Transliterate(c.ToString()).ToLowerInvariant());
                }
                continue;
            }
            if (latin.Length == 0)
            {
                // ع and hamza: English spellings of names leave them out (Omar, Aisha), but they carry a vowel.
                if (sb.Length == 0)
                {
                    sb.Append(marked ? "" : "a");
                    lastWasConsonant = false;
                }
                else
                {
                    if (lastWasConsonant && !marked)
                    {
                        sb.Append('a');
                    }
                    lastWasConsonant = true;
                }
                continue;
            }
            if (lastWasConsonant && !marked)
            {
                sb.Append('a'); // unwritten short vowel: a is the likeliest, and the name is marked for checking
            }
            sb.Append(latin);
            lastWasConsonant = true;
        }
        return sb.ToString();
    }

    // Tatweel and the Persian and Urdu forms of yeh and kaf as Arabic's, so one table serves.
    private static string Normalize(string s) =>
        s.Replace("\u0640", "", StringComparison.Ordinal).Replace('ی', 'ي').Replace('ک', 'ك').Replace('\u200C', ' ');

    /// <summary>Without vowel marks, and hamza-carrying alifs as plain alif: the form the table is keyed by.</summary>
    private static string Bare(string s) => string.Concat(Unmarked(s).Select(c => c is 'أ' or 'إ' or 'آ' or 'ٱ' ? 'ا' : c));

    private static string Unmarked(string s) => string.Concat(s.Where(c => c is not (>= '\u064B' and <= '\u065F' or '\u0670')));

    /// <summary>A known name, also when written with a dotless yeh for alif maqsura (مصطفي) or heh for ta marbuta (فاطمه), as is common.</summary>
    private static string? Lookup(string bare)
    {
        if (Known.TryGetValue(bare, out var known) || bare.Length < 2)
        {
            return known;
        }
        var variant = bare[^1] switch
        {
            'ي' => bare[..^1] + 'ى',
            'ى' => bare[..^1] + 'ي',
            'ه' => bare[..^1] + 'ة',
            _ => null,
        };
        return variant is not null && Known.TryGetValue(variant, out known) ? known : null;
    }

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static Dictionary<string, string> BuildKnown()
    {
        // Common names as their bearers most often write them in English; keys without vowel marks.
        const string table = """
            محمد Mohammed|احمد Ahmed|محمود Mahmoud|مصطفى Mustafa|علي Ali|حسن Hassan|حسين Hussein|عمر Omar|عثمان Othman|خالد Khaled
            يوسف Youssef|ابراهيم Ibrahim|اسماعيل Ismail|عبدالله Abdullah|عبدالرحمن Abdulrahman|عبدالعزيز Abdulaziz|عبدالرحيم Abdulrahim
            عبدالكريم Abdulkarim|عبداللطيف Abdullatif|عبدالمجيد Abdulmajid|عبدالحميد Abdulhamid|عبدالسلام Abdulsalam|عبدالناصر Abdelnasser
            سعيد Saeed|سعد Saad|سالم Salem|سليمان Suleiman|سلطان Sultan|فيصل Faisal|فهد Fahad|ناصر Nasser|نبيل Nabil|نادر Nader|طارق Tarek
            زياد Ziad|زيد Zaid|كريم Karim|كمال Kamal|جمال Jamal|رامي Rami|سامي Sami|هاني Hani|وليد Walid|ياسر Yasser|يحيى Yahya|يحيي Yahya
            موسى Musa|عيسى Issa|صالح Saleh|منصور Mansour|مراد Murad|ماجد Majed|راشد Rashid|حمد Hamad|حامد Hamed|امين Amin|انور Anwar
            بشير Bashir|جميل Jamil|حسام Hossam|عادل Adel|عماد Imad|عمار Ammar|غسان Ghassan|فادي Fadi|فريد Farid|مجدي Magdy|مروان Marwan
            نزار Nizar|هشام Hisham|وائل Wael|يزن Yazan|عمرو Amr|حازم Hazem|شريف Sharif|ايمن Ayman|باسل Basel|توفيق Tawfiq|جعفر Jaafar
            سمير Samir|منير Mounir|رياض Riad|عباس Abbas|حمزة Hamza|بلال Bilal|انس Anas|معاذ Muadh|طلال Talal|نواف Nawaf|بندر Bandar
            تركي Turki|مشعل Mishal|محمدعلي Mohammed Ali|رضا Reza|مهدي Mahdi|جواد Javad|حميد Hamid|مجيد Majid|امير Amir|داود Dawood
            فاطمة Fatima|عائشة Aisha|مريم Maryam|خديجة Khadija|زينب Zainab|رنا Rana|ليلى Layla|نور Nour|سارة Sara|هدى Huda|منى Mona
            سلمى Salma|ريم Reem|لينا Lina|دينا Dina|هند Hind|امل Amal|رانيا Rania|ياسمين Yasmine|نادية Nadia|سميرة Samira|لمى Lama
            جميلة Jamila|رشا Rasha|سعاد Souad|نجلاء Najla|هالة Hala|غادة Ghada|دعاء Doaa|ايمان Iman|امنة Amina|اسماء Asma|شيماء Shaimaa
            نوال Nawal|وفاء Wafa|حنان Hanan|رغد Raghad|لبنى Lubna|سهى Suha|عبير Abeer|علياء Alia|هيفاء Haifa|نسرين Nisreen|رهف Rahaf
            خطيب Khatib|حداد Haddad|صباح Sabah|ثاني Thani|نهيان Nahyan|مكتوم Maktoum|سعود Saud|هاشمي Hashemi|حسيني Husseini|قاسمي Qasimi
            مصري Masri|شامي Shami|حلبي Halabi|اسد Assad|عطية Attia|نجار Najjar|خوري Khoury|بيطار Bitar|زين Zein|جابر Jaber|تميمي Tamimi
            دوسري Dosari|عتيبي Otaibi|قحطاني Qahtani|شمري Shammari|مطيري Mutairi|غامدي Ghamdi|زهراني Zahrani|فارس Fares|يونس Younes
            موسوي Mousavi|حكيم Hakim|عمري Omari|رفاعي Rifai|نعيمي Nuaimi|ظاهري Dhaheri|كعبي Kaabi|مهيري Muhairi|بلوشي Balushi|صايغ Sayegh
            طويل Tawil|زايد Zayed|عبد Abd|عدنان Adnan|شادي Shadi|اسامة Osama|اياد Iyad|نادين Nadine|رامز Ramez|سامر Samer|بسام Bassam|عصام Essam|اشرف Ashraf|خليل Khalil|عمران Imran|الياس Elias|الله Allah|بن bin|بنت bint|ابن Ibn|ابو Abu|ام Umm|صدر Sadr|رشيد Rashid|سيد Sayed|شيخ Sheikh|خليفة Khalifa
            """;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in table.Split(['|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = entry.IndexOf(' ', StringComparison.Ordinal);
            map[entry[..space]] = entry[(space + 1)..];
        }
        return map;
    }
}
