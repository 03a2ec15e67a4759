package main

import "fmt"

type myint int
type mystr string

func main() {
	fmt.Printf("%d %5d %-5d| %05d %+d % d %x %X %o %O %b\n", 42, 42, 42, -42, 42, 42, 255, 255, 8, 8, 5)
	fmt.Printf("%#x %#o %#b %.3d %8.3d %08.3d %+05d %.0d|%5.0d|\n", 255, 8, 5, 7, 7, 7, 3, 0, 0)
	fmt.Printf("%x %X %#x %x\n", -255, -255, -1, uint64(18446744073709551615))
	fmt.Printf("%d %d %d %d\n", int8(-128), uint16(65535), int64(-9223372036854775808), uint32(4294967295))
	fmt.Printf("%c %c %c %U %#U %U\n", 'x', 0x65e5, -1, 0x1F600, 'x', -1)
	fmt.Printf("%q %+q %#q %q\n", 'x', 'é', 'y', '\n')
	fmt.Printf("%s|%10s|%-10s|%.2s|%5.1s|\n", "abc", "abc", "abc", "abc", "日本語")
	fmt.Printf("%q %+q %#q %#q\n", "hi\n\"", "héllo", "ab", "a`b")
	fmt.Printf("%x %X % x %#x %# X %.2x\n", "hi", "hi", "hi", "hi", "hi", "hello")
	fmt.Printf("%s %v %x %X %q\n", []byte("ab"), []byte("ab"), []byte("xyz"), [2]byte{1, 255}, []byte("q"))
	fmt.Printf("%t %v %5t|%-6t|\n", true, false, true, false)
	fmt.Printf("%v %d %x %v %s %q\n", myint(3), myint(4), myint(255), mystr("z"), mystr("y"), mystr("w"))
	fmt.Printf("%010s|%-010d|%0-10d|%3c|%-3c|\n", "x", 5, 5, 'a', 'b')
	fmt.Printf("%*d|%-*d|%*d|%.*d\n", 5, 1, 5, 2, -4, 3, 3, 7)
	fmt.Printf("%[2]d %[1]d %d %[1]q\n", 1, 2)
	fmt.Printf("%3d%%|%v%%\n", 50, 1)
	fmt.Print("a", "b", 1, 2, "c", 3.5, nil, true, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Println("a", "b", 1, 2, nil, 'x', []string{"s", "t"})
	s := fmt.Sprint("x", 1) + fmt.Sprintln("y", 2) + fmt.Sprintf("%03d", 7)
	fmt.Println(s, len(s))
	n, err := fmt.Printf("%s\n", "count")
	fmt.Println(n, err)
}
