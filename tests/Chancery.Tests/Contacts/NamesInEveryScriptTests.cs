using Chancery.Domain.Contacts.Names;

namespace Chancery.Tests.Contacts;

/// <summary>How a name is ordered and written in Latin letters, script by script, as a chief of protocol reads it.</summary>
public sealed class NamesInEveryScriptTests
{
    [Theory]
    [InlineData("敏", "刘", null, "Liu, Min", LatinSource.Machine)]
    [InlineData("小明", "王", null, "Wang, Xiaoming", LatinSource.Machine)]
    [InlineData("晓", "单", "zh", "Shan, Xiao", LatinSource.Machine)] // a family name read as a family name, not "Dan"
    [InlineData("国强", "曾", null, "Zeng, Guoqiang", LatinSource.Machine)]
    [InlineData("安", "西", null, "Xi, An", LatinSource.Machine)]
    [InlineData("西安", "李", null, "Li, Xi'an", LatinSource.Machine)]
    [InlineData("지은", "김", null, "Kim, Ji-eun", LatinSource.Machine)]
    [InlineData("서준", "박", null, "Park, Seo-jun", LatinSource.Machine)]
    [InlineData("민호", "이", null, "Lee, Min-ho", LatinSource.Machine)]
    [InlineData("석", "남궁", null, "Namgoong, Seok", LatinSource.Machine)]
    [InlineData("はなこ", "やまだ", "ja", "Yamada, Hanako", LatinSource.Machine)]
    [InlineData("たろう", "さとう", null, "Sato, Taro", LatinSource.Machine)]
    [InlineData("いちろう", "いのうえ", null, "Inoue, Ichiro", LatinSource.Machine)]
    [InlineData("しょうへい", "おおの", null, "Ono, Shohei", LatinSource.Machine)]
    [InlineData("じゅんいち", "ほんま", null, "Homma, Junichi", LatinSource.Machine)]
    [InlineData("けんた", "はっとり", null, "Hattori, Kenta", LatinSource.Machine)]
    [InlineData("ジョン", "スミス", null, "Sumisu, Jon", LatinSource.Machine)]
    [InlineData("رنا", "الخطيب", "ar", "al-Khatib, Rana", LatinSource.Machine)]
    [InlineData("محمد", "الحداد", "ar", "al-Haddad, Mohammed", LatinSource.Machine)]
    [InlineData("عبد الله", "بن زايد", "ar", "bin Zayed, Abdullah", LatinSource.Machine)]
    [InlineData("رنا", "الشوابكة", "ar", "al-Shawabaka, Rana", LatinSource.Uncertain)] // unknown and unvowelled: a guess (al-Shawabkeh), to be checked
    [InlineData("ნინო", "ბერიძე", "ka", "Beridze, Nino", LatinSource.Machine)]
    [InlineData("Ольга", "Иванова", "ru", "Ivanova, Olga", LatinSource.Machine)]
    // ICAO 9303 Part 3, as passports of the region write them: Ю IU, Я IA, Щ SHCH, Ж ZH, Й I, the soft sign left out.
    [InlineData("Юлия", "Щукина", "ru", "Shchukina, Iuliia", LatinSource.Machine)]
    [InlineData("Ерлан", "Жумабаев", "kk", "Zhumabaev, Erlan", LatinSource.Machine)]
    [InlineData("Андрей", "Хрущёв", "ru", "Khrushchev, Andrei", LatinSource.Machine)]
    [InlineData("Григорій", "Шевченко", "uk", "Shevchenko, Hryhorii", LatinSource.Machine)] // Ukrainian Г is H, И is Y
    [InlineData("Ελένη", "Παπαδοπούλου", "el", "Papadopoulou, Eleni", LatinSource.Machine)]
    [InlineData("Viktor", "Orbán", "hu", "Orbán, Viktor", LatinSource.AsWritten)]
    [InlineData("Văn An", "Nguyễn", "vi", "Nguyễn, Văn An", LatinSource.AsWritten)]
    [InlineData("שרה", "כהן", "he", "כהן, שרה", LatinSource.Missing)] // Hebrew without vowels: letters alone read nothing like Sarah Cohen
    [InlineData("英文", "蔡", "zh-TW", "Cai, Yingwen", LatinSource.Uncertain)] // Taiwan writes Tsai Ing-wen: Pinyin is only a guess
    [InlineData("敏", "刘", "en", "Liu, Min", LatinSource.Uncertain)] // Han written to in English may not be Chinese
    [InlineData("布", "吕", "zh", "Lyu, Bu", LatinSource.Machine)]
    [InlineData("まさ子", "たなか", "ja", "たなか, まさ子", LatinSource.Missing)] // kanji inside a kana name
    [InlineData("さくら😀", "ＬＩＵ", null, "ＬＩＵ, Sakura", LatinSource.Machine)] // the emoji left out of the reading; full-width letters as written (they file under L)
    [InlineData("إلهام", "مصطفي", "ar", "Mustafa, Ilaham", LatinSource.Uncertain)] // a hamza, not the article; a known name however its end is written
    [InlineData("فاطمه", "عبدالحكيم", "ar", "Abdulhakim, Fatima", LatinSource.Machine)]
    [InlineData("حسین", "رضایی", "fa", "Radaii, Hussein", LatinSource.Uncertain)] // Persian spells Hossein Rezaei: a guess
    public void A_name_in_any_script_is_filed_in_Latin_letters_and_says_how_sure_it_is(string first, string last, string? language, string filed, LatinSource source)
    {
        var latin = Romanization.Of(first, last, recorded: null, language);

        Assert.Equal(filed, latin.Filed, ignoreCase: false);
        Assert.Equal(source, latin.Source);
    }

    [Fact]
    public void A_Japanese_name_in_kanji_has_no_machine_reading_and_files_under_its_own_script_until_one_is_recorded()
    {
        Assert.Equal(("D", "dang van"), (Romanization.Of("Văn", "Đặng", null, "vi").Initial, Romanization.Of("Văn", "Đặng", null, "vi").SortKey));
        Assert.Equal("O", Romanization.Of("Ola", "Ødegaard", null, "nb").Initial);
        Assert.Equal("L", Romanization.Of(null, "ＬＩＵ", null, null).Initial);
        Assert.Null(Romanization.Problem("al-Khatib, Rana"));
        Assert.NotNull(Romanization.Problem(", Rana"));
        Assert.NotNull(Romanization.Problem("刘, 敏"));
        var latin = Romanization.Of("太郎", "山田", null, "ja");

        Assert.Equal(LatinSource.Missing, latin.Source);
        Assert.True(latin.ToCheck);
        Assert.Equal("#", latin.Initial);
        Assert.Equal("山田, 太郎", latin.Filed);
    }

    [Fact]
    public void The_recorded_Latin_name_comes_first_and_an_Arabic_article_does_not_decide_the_letter()
    {
        var recorded = Romanization.Of("رنا", "الخطيب", "al-Khateeb, Rana", "ar");

        Assert.Equal(new LatinName("al-Khateeb", "Rana", LatinSource.Recorded), recorded);
        Assert.False(recorded.ToCheck);
        Assert.Equal("K", recorded.Initial);
        Assert.Equal("Rana al-Khateeb", recorded.InOrder(NameOrder.GivenFirst));
    }

    [Theory]
    [InlineData("敏", "刘", null, NameOrder.FamilyFirst, "刘敏")]
    [InlineData("지은", "김", "en", NameOrder.FamilyFirst, "김지은")]
    [InlineData("太郎", "山田", null, NameOrder.FamilyFirst, "山田太郎")]
    [InlineData("Viktor", "Orbán", "hu", NameOrder.FamilyFirst, "Orbán Viktor")]
    [InlineData("Văn An", "Nguyễn", "vi-VN", NameOrder.FamilyFirst, "Nguyễn Văn An")]
    [InlineData("Min", "Liu", "zh", NameOrder.FamilyFirst, "Liu Min")]
    [InlineData("رنا", "الخطيب", "ar", NameOrder.GivenFirst, "رنا الخطيب")]
    [InlineData("Aino", "Virtanen", "fi", NameOrder.GivenFirst, "Aino Virtanen")]
    [InlineData("Olga", "Ivanova", null, NameOrder.GivenFirst, "Olga Ivanova")]
    public void The_name_order_follows_the_script_then_the_language(string first, string last, string? language, NameOrder order, string written)
    {
        Assert.Equal(order, PersonName.DefaultOrder(first, last, language));
        Assert.Equal(written, PersonName.Full(first, last, order));
    }

    [Fact]
    public void The_honorific_goes_before_the_whole_name_in_its_order()
    {
        Assert.Equal("Prof. 刘敏", PersonName.WithHonorific("Prof.", "敏", "刘", NameOrder.FamilyFirst));
        Assert.Equal("H.E. Ms. Aino Virtanen", PersonName.WithHonorific("H.E. Ms.", "Aino", "Virtanen", NameOrder.GivenFirst));
        Assert.Equal("Mr. Nguyễn Văn An", PersonName.WithHonorific("Mr.", "Văn An", "Nguyễn", NameOrder.FamilyFirst));
    }
}
