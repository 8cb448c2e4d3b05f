Console.WriteLine("Cairn");
