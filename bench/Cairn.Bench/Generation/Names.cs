namespace Cairn.Bench.Generation;

/// <summary>
/// Invented names with a realistic spread: a few very common surnames (so a typo'd "Smith" has hundreds of
/// candidates, as in a real area) and a long tail of rarer ones built from English place-name parts.
/// </summary>
internal static class Names
{
    private static readonly string[] Girls =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Lily", "Freya", "Ivy", "Florence", "Isabella", "Mia", "Willow", "Evie", "Sophia", "Grace",
        "Elsie", "Poppy", "Sienna", "Ella", "Daisy", "Alice", "Rosie", "Charlotte", "Sophie", "Matilda", "Isabelle", "Ruby", "Evelyn",
        "Harper", "Jessica", "Phoebe", "Aria", "Millie", "Emily", "Maya", "Esme", "Luna", "Layla", "Hallie", "Ada", "Hannah", "Chloe",
        "Zara", "Aisha", "Amira", "Fatima", "Maryam", "Zuzanna", "Maja", "Hanna", "Julia", "Niamh", "Erin", "Molly", "Orla", "Ellie",
        "Scarlett", "Lucy", "Eliza", "Imogen", "Bella", "Thea", "Margot", "Nancy", "Violet", "Penelope", "Iris", "Darcie", "Holly",
        "Megan", "Lacey", "Tilly", "Gracie", "Lola", "Aaliyah", "Ayesha", "Mariam", "Inaya", "Precious", "Adaeze", "Chidinma",
    ];

    private static readonly string[] Boys =
    [
        "Noah", "Muhammad", "Oliver", "George", "Leo", "Arthur", "Oscar", "Theodore", "Freddie", "Theo", "Archie", "Henry", "Alfie",
        "Charlie", "Jack", "Finley", "Lucas", "Thomas", "Jacob", "Tommy", "Isaac", "Edward", "Teddy", "Harry", "Arlo", "Albie", "Reuben",
        "Ronnie", "Hugo", "Joshua", "Harrison", "James", "William", "Rory", "Ezra", "Sonny", "Elijah", "Max", "Louie", "Jaxon", "Mason",
        "Ethan", "Dylan", "Logan", "Riley", "Samuel", "Joseph", "Toby", "Kai", "Callum", "Tyler", "Kacper", "Jakub", "Szymon", "Filip",
        "Ibrahim", "Yusuf", "Ali", "Hamza", "Omar", "Zayn", "Ayaan", "Rayan", "Adam", "Daniel", "Benjamin", "David", "Michael",
        "Connor", "Liam", "Sean", "Declan", "Kofi", "Kwame", "Chinedu", "Tobenna", "Jayden", "Tyrese", "Kian", "Lewis",
    ];

    private static readonly string[] Common =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson",
        "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan",
        "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell",
        "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan",
        "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb",
        "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes",
        "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Nowak",
        "Kowalski", "Wiśniewski", "Ahmed", "Okafor", "Mensah", "Nguyen", "O'Neill", "Ó Briain",
    ];

    private static readonly string[] Roots =
    [
        "Ash", "Black", "Brad", "Bram", "Brook", "Burn", "Chad", "Church", "Clay", "Cold", "Cross", "East", "Fair", "Farn", "Green",
        "Hal", "Hart", "Hather", "Hazel", "Holm", "Kings", "Lang", "Lock", "Mar", "Mill", "Moor", "Nor", "Oak", "Pen", "Red", "Rook",
        "Shel", "South", "Stan", "Stock", "Thorn", "Wal", "West", "Whit", "Wor", "Ayles", "Bex",
    ];

    private static readonly string[] Endings =
    [
        "ley", "ton", "worth", "ford", "field", "wood", "well", "by", "combe", "dale", "ham", "hurst", "land", "more", "shaw",
        "stead", "wick", "bridge", "brook", "croft", "den", "gate", "holme", "ridge", "thwaite",
    ];

    public static string Given(Random random, bool girl) => Skewed(random, girl ? Girls : Boys);

    /// <summary>Half from the common list (Smith about 1% of people), half from about a thousand rarer names.</summary>
    public static string Family(Random random) =>
        random.NextDouble() < 0.5
            ? Skewed(random, Common)
            : Roots[random.Next(Roots.Length)] + Endings[random.Next(Endings.Length)];

    /// <summary>Earlier names in the list are picked more often, roughly as real name frequencies fall away.</summary>
    private static string Skewed(Random random, string[] names) =>
        names[(int)(names.Length * Math.Pow(random.NextDouble(), 1.2))];
}
