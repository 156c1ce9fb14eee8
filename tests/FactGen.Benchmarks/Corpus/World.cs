namespace FactGen.Benchmarks.Corpus;

/// <summary>A country of the synthetic world: code, names, cities (some with diacritics) and naming culture.</summary>
public sealed record Country(string Code, string Name, string Adjective, string[] Cities, NameCulture Names, int Weight, bool Departments = false);

/// <summary>A government portfolio with its ministry's name in a few native scripts (by country code; null where not recorded).</summary>
public sealed record Portfolio(string Name, string Slug, IReadOnlyDictionary<string, string> Native);

/// <summary>The fixed tables the corpus generator draws from.</summary>
public static class World
{
    private static readonly Func<(string Native, string Latin), (string Native, string Latin)> s_russianFeminine = f => (f.Native + "а", f.Latin + "a");

    public static readonly Country[] Countries =
    {
        new("CN", "China", "Chinese", new[] { "Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Chengdu", "Wuhan", "Hangzhou", "Tianjin", "Nanjing", "Chongqing" }, new ChineseNames(), 4),
        new("US", "the United States", "U.S.", new[] { "Washington", "New York", "Chicago", "San Francisco", "Houston", "Boston", "Seattle", "Atlanta" },
            new LatinNames("James|Robert|Michael|David|William|Richard|Joseph|Thomas|Daniel|Mark|Anthony|Kevin", "Mary|Patricia|Jennifer|Linda|Elizabeth|Susan|Karen|Nancy|Lisa|Sandra|Gina|Janet",
                "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Moore|Jackson|Martin|Lee|Thompson|White|Harris|Clark"), 4, Departments: true),
        new("RU", "Russia", "Russian", new[] { "Moscow", "Saint Petersburg", "Novosibirsk", "Yekaterinburg", "Kazan", "Samara" },
            new ScriptNames("Александр=Aleksandr|Сергей=Sergey|Дмитрий=Dmitry|Андрей=Andrey|Алексей=Aleksey|Максим=Maksim|Владимир=Vladimir|Николай=Nikolay|Павел=Pavel|Михаил=Mikhail",
                "Елена=Yelena|Ольга=Olga|Наталья=Natalya|Татьяна=Tatyana|Ирина=Irina|Анна=Anna|Мария=Mariya|Светлана=Svetlana",
                "Иванов=Ivanov|Смирнов=Smirnov|Кузнецов=Kuznetsov|Попов=Popov|Васильев=Vasilyev|Петров=Petrov|Соколов=Sokolov|Михайлов=Mikhailov|Новиков=Novikov|Фёдоров=Fyodorov|Морозов=Morozov|Волков=Volkov|Лебедев=Lebedev|Козлов=Kozlov",
                s_russianFeminine), 2),
        new("JP", "Japan", "Japanese", new[] { "Tokyo", "Osaka", "Kyoto", "Nagoya", "Sapporo", "Fukuoka", "Kobe", "Sendai" }, new JapaneseNames(), 2),
        new("KR", "South Korea", "South Korean", new[] { "Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju" }, new KoreanNames(), 1),
        new("UA", "Ukraine", "Ukrainian", new[] { "Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro" },
            new ScriptNames("Олександр=Oleksandr|Андрій=Andrii|Тарас=Taras|Богдан=Bohdan|Юрій=Yurii|Віктор=Viktor", "Олена=Olena|Оксана=Oksana|Юлія=Yuliia|Ірина=Iryna|Наталія=Nataliia",
                "Шевченко=Shevchenko|Коваленко=Kovalenko|Бондаренко=Bondarenko|Ткаченко=Tkachenko|Кравченко=Kravchenko|Мельник=Melnyk|Бойко=Boiko|Коваль=Koval"), 1),
        new("GR", "Greece", "Greek", new[] { "Athens", "Thessaloniki", "Patras", "Heraklion", "Larissa" },
            new ScriptNames("Γιώργος=Giorgos|Κωνσταντίνος=Konstantinos|Νίκος=Nikos|Δημήτρης=Dimitris|Γιάννης=Giannis|Αλέξανδρος=Alexandros", "",
                "Παπαδόπουλος=Papadopoulos|Γεωργίου=Georgiou|Οικονόμου=Oikonomou|Νικολάου=Nikolaou|Δημητρίου=Dimitriou|Παπαγεωργίου=Papageorgiou|Βασιλείου=Vasileiou"), 1),
        new("EG", "Egypt", "Egyptian", new[] { "Cairo", "Alexandria", "Giza", "Luxor", "Aswan" }, new ArabicNames(), 1),
        new("SA", "Saudi Arabia", "Saudi", new[] { "Riyadh", "Jeddah", "Dammam", "Medina", "Abha" }, new ArabicNames(), 1),
        new("IN", "India", "Indian", new[] { "New Delhi", "Mumbai", "Bengaluru", "Chennai", "Kolkata", "Hyderabad" },
            new ScriptNames("अमित=Amit|राहुल=Rahul|विकास=Vikas|राजेश=Rajesh|सुरेश=Suresh|अर्जुन=Arjun", "प्रिया=Priya|सुनीता=Sunita|अनीता=Anita|कविता=Kavita|पूजा=Pooja",
                "शर्मा=Sharma|वर्मा=Verma|गुप्ता=Gupta|सिंह=Singh|पटेल=Patel|कुमार=Kumar|मेहता=Mehta|जोशी=Joshi"), 1),
        new("IL", "Israel", "Israeli", new[] { "Jerusalem", "Tel Aviv", "Haifa", "Beersheba" },
            new ScriptNames("דוד=David|יוסף=Yosef|אורי=Uri|אבי=Avi|משה=Moshe", "נועה=Noa|מיכל=Michal|תמר=Tamar|שירה=Shira",
                "כהן=Cohen|לוי=Levi|מזרחי=Mizrahi|פרץ=Peretz|ביטון=Biton|אברהם=Avraham|פרידמן=Friedman"), 1),
        new("VN", "Vietnam", "Vietnamese", new[] { "Hanoi", "Ho Chi Minh City", "Da Nang", "Hai Phong", "Huế", "Cần Thơ" },
            new LatinNames("Hùng|Tuấn|Dũng|Phúc|Long|Hải|Nam|Quang|Khánh", "Lan|Hương|Mai|Thảo|Linh|Ngọc|Trang",
                "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Bùi|Ngô|Dương", middle: "Văn|Thị|Minh|Quốc|Thanh|Hữu|Ngọc"), 1),
        new("CZ", "the Czech Republic", "Czech", new[] { "Prague", "Brno", "Ostrava", "Plzeň", "Olomouc", "České Budějovice" },
            new LatinNames("Jiří|Jan|Petr|Tomáš|Lukáš|Pavel|Martin|Zdeněk", "Eva|Jana|Hana|Lucie|Kateřina|Věra|Markéta",
                "Novák/Nováková|Svoboda/Svobodová|Novotný/Novotná|Dvořák/Dvořáková|Černý/Černá|Procházka/Procházková|Kučera/Kučerová|Veselý/Veselá|Horák/Horáková"), 1),
        new("ES", "Spain", "Spanish", new[] { "Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Bilbao", "Córdoba" },
            new LatinNames("José|Ángel|Raúl|Andrés|Jesús|Óscar|Iván|Tomás", "María|Inés|Sofía|Lucía|Begoña|Mónica|Raquel",
                "García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Núñez|Muñoz|Jiménez|Díaz"), 1),
        new("MX", "Mexico", "Mexican", new[] { "Mexico City", "Guadalajara", "Monterrey", "Puebla", "Mérida", "Querétaro" },
            new LatinNames("José|Jesús|Martín|Héctor|Efraín|Julián", "Verónica|Mónica|Cecilia|Beatriz|Anahí",
                "Hernández|Ramírez|Flores|Vázquez|Gutiérrez|Ortiz|Chávez|Cortés|Álvarez"), 1),
        new("TR", "Turkey", "Turkish", new[] { "Ankara", "Istanbul", "İzmir", "Bursa", "Antalya", "Konya" },
            new LatinNames("Mehmet|Mustafa|Ahmet|Hüseyin|Çağlar|Ömer|Emre|Hasan", "Ayşe|Emine|Zeynep|Gülşen|Şule|Özlem|Elif",
                "Çelik|Şahin|Öztürk|Arslan|Doğan|Koç|Kaya|Demir|Ağaoğlu|Güneş|Erdoğan|Kurt"), 1),
        new("FR", "France", "French", new[] { "Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Besançon", "Orléans" },
            new LatinNames("François|Jérôme|Noël|Gérard|Benoît|Thierry|Michel|Stéphane", "Hélène|Chloé|Élodie|Bérénice|Françoise|Anaïs|Céline",
                "Lefèvre|Moreau|Girard|Faure|Rousseau|Bélanger|Lemaître|Mercier|Benoît|Dupré|Lambert|Fontaine"), 1),
        new("DE", "Germany", "German", new[] { "Berlin", "Munich", "Hamburg", "Cologne", "Frankfurt", "Düsseldorf", "Nürnberg" },
            new LatinNames("Klaus|Stefan|Thomas|Andreas|Frank|Wolfgang|Matthias", "Anna|Katrin|Sabine|Petra|Claudia|Ursula|Annalena",
                "Schmidt|Schneider|Fischer|Weber|Wagner|Becker|Hoffmann|Schulz|Koch|Richter|Klein|Wolf"), 1),
        new("GB", "the United Kingdom", "British", new[] { "London", "Manchester", "Edinburgh", "Cardiff", "Belfast", "Birmingham" },
            new LatinNames("Oliver|George|Harry|Jack|Charles|Edward|Rishi|Keir", "Olivia|Amelia|Emily|Charlotte|Priti|Rachel|Yvette",
                "Smith|Jones|Taylor|Brown|Evans|Wright|Walker|Hughes|Green|Hall|Wood|Cooper"), 1),
        new("BR", "Brazil", "Brazilian", new[] { "Brasília", "São Paulo", "Rio de Janeiro", "Salvador", "Belo Horizonte", "Curitiba", "Belém" },
            new LatinNames("João|Antônio|Sebastião|Luís|Márcio|Fábio|Cláudio", "Fátima|Conceição|Lúcia|Márcia|Luíza|Simone",
                "Gonçalves|Simões|Araújo|Magalhães|Conceição|Guimarães|Lopes|Brandão|Falcão|Assunção"), 1),
    };

    public static readonly Portfolio[] Portfolios =
    {
        P("Foreign Affairs", "foreign-affairs", "外交部", "Министерство иностранных дел", "外務省", "وزارة الخارجية"),
        P("Commerce", "commerce", "商务部", "Министерство промышленности и торговли", "経済産業省", "وزارة التجارة"),
        P("Finance", "finance", "财政部", "Министерство финансов", "財務省", "وزارة المالية"),
        P("Defence", "defence", "国防部", "Министерство обороны", "防衛省", "وزارة الدفاع"),
        P("Education", "education", "教育部", "Министерство просвещения", "文部科学省", "وزارة التعليم"),
        P("Health", "health", "国家卫生健康委员会", "Министерство здравоохранения", "厚生労働省", "وزارة الصحة"),
        P("Transport", "transport", "交通运输部", "Министерство транспорта", "国土交通省", "وزارة النقل"),
        P("Agriculture", "agriculture", "农业农村部", "Министерство сельского хозяйства", "農林水産省", "وزارة الزراعة"),
        P("Justice", "justice", "司法部", "Министерство юстиции", "法務省", "وزارة العدل"),
        P("Culture and Tourism", "culture-and-tourism", "文化和旅游部", "Министерство культуры", "文化庁", "وزارة الثقافة"),
        P("Science and Technology", "science-and-technology", "科学技术部", "Министерство науки и высшего образования", "科学技術・イノベーション推進事務局", "وزارة البحث العلمي"),
        P("Energy", "energy", "国家能源局", "Министерство энергетики", "資源エネルギー庁", "وزارة الطاقة"),
    };

    public static readonly string[] Topics =
    {
        "trade", "export controls", "climate cooperation", "semiconductor supply chains", "fisheries", "energy security",
        "public health", "cultural exchange", "student visas", "rare earth minerals", "maritime safety", "food security",
        "cybersecurity", "tourism", "infrastructure investment", "nuclear safety", "space cooperation", "tariffs",
        "anti-money-laundering rules", "disaster relief", "fentanyl precursors", "data protection", "civil aviation", "water management",
    };

    private static Portfolio P(string name, string slug, string cn, string ru, string jp, string ar)
        => new(name, slug, new Dictionary<string, string> { ["CN"] = cn, ["RU"] = ru, ["JP"] = jp, ["EG"] = ar, ["SA"] = ar });
}
