package ner

import "strings"

// givenNames is dyad's own list of common personal names — given names,
// English and from the languages most often met in international news, and
// a few very common surnames — for the gazetteer's name feature. Names that
// are also common words, months, countries or cities ("May", "Jordan",
// "Georgia", "Paris") are left out.
var givenNames = strings.Fields(`
Aaron Abby Abigail Adam Adrian Alan Albert Alex Alexander Alexandra Alexis
Alfred Alice Alicia Alison Allen Allison Amanda Amber Amy Andrea Andrew Andy
Angela Ann Anna Anne Annie Anthony Antonio Arthur Ashley Audrey Austin Barbara
Barry Ben Benjamin Bernard Beth Betty Beverly Bill Billy Bob Bobby Bonnie
Brad Bradley Brandon Brenda Brian Bruce Bryan Carl Carlos Carol Caroline
Carolyn Catherine Charles Charlie Charlotte Cheryl Chris Christian Christina
Christine Christopher Cindy Claire Clara Craig Cynthia Dan Daniel Danielle
Danny David Dean Deborah Debra Dennis Derek Diana Diane Donald Donna Doris
Dorothy Douglas Dylan Earl Edward Eileen Elaine Eleanor Elizabeth Ellen
Emily Emma Eric Erica Erin Ethan Eugene Evelyn Frances Francis Frank Fred
Frederick Gary Gene George Gerald Gloria Gordon Grace Greg Gregory Hannah
Harold Harry Heather Helen Henry Howard Isaac Isabel Isabella Jack Jacob
Jacqueline Jake James Jamie Jane Janet Janice Jason Jean Jeff Jeffrey
Jennifer Jeremy Jerry Jesse Jessica Jill Jim Jimmy Joan Joe Joel John Johnny
Jon Jonathan Joseph Joshua Joyce Judith Judy Julia Julie Justin Karen Kate
Katherine Kathleen Kathryn Kathy Keith Kelly Kenneth Kevin Kimberly Kyle
Larry Laura Lauren Lawrence Leonard Linda Lisa Logan Lori Louis Louise Lucy
Luke Lynn Margaret Maria Marie Marilyn Martha Martin Mary Matthew Megan
Melissa Michael Michelle Mike Nancy Natalie Nathan Nicholas Nicole Noah
Olivia Pamela Patricia Patrick Paul Peter Philip Phillip Rachel Ralph
Randy Raymond Rebecca Richard Robert Roger Ronald Roy Russell Ruth Ryan
Samantha Samuel Sandra Sara Sarah Scott Sean Sharon Shirley Simon Sophia
Sophie Stephanie Stephen Steve Steven Susan Teresa Terry Theresa Thomas
Timothy Tom Tony Tyler Vincent Virginia Walter Wayne William Zachary
Abdul Abdullah Abdulaziz Abdulrahman Abu Ahmad Ahmed Aisha Ali Amal Amin
Amina Amir Amr Anwar Ashraf Ayman Bashar Bilal Fadi Faisal Farid Fatima
Fatma Hamad Hamid Hamza Hani Hassan Hussein Ibrahim Imad Ismail Jamal
Karim Khaled Khalid Khalil Layla Mahmoud Majid Marwan Mohamed Mohammad
Mohammed Muhammad Mustafa Nabil Nadia Nasser Omar Osama Qasim Rami Rashid
Rania Saad Saddam Salah Salem Salim Salman Sami Samir Tariq
Walid Yasser Youssef Yousef Yusuf Zaid Zainab Zeinab Ziad
Abbas Ali Akbar Hossein Javad Mahmoud Masoud Mehdi Mohsen Reza Hassan
Ahmet Ayse Emine Fatih Hakan Kemal Mehmet Murat Mustafa Recep
Avi Benjamin Eli Ehud Moshe Naftali Shimon Yair Yitzhak Yosef
Aleksandr Alexei Alexey Anatoly Andrei Andriy Boris Dmitri Dmitry Igor Ivan
Mikhail Nikolai Oleg Olga Pavel Petro Sergei Sergey Svetlana Tatiana Viktor
Vladimir Volodymyr Yevgeny Yulia Yuri
Alejandro Alberto Alfonso Ana Andres Carmen Diego Eduardo Enrique Fernando
Francisco Gabriel Gustavo Jorge Jose Juan Julio Luis Manuel Marco Mario
Miguel Pablo Pedro Rafael Ramon Ricardo Roberto Sergio Javier
Francois Jacques Jean-Pierre Laurent Marcel Nicolas Philippe Pierre
Emmanuel Francoise Olaf Angela Helmut Klaus Hans Wolfgang Jurgen Karl Friedrich
Giovanni Giuseppe Luigi Matteo Silvio Giorgia Sergio Paolo Enzo
Xi Li Wang Zhang Liu Chen Wei Jun Ming Hua Yong Kim Park Shinzo Fumio Hiroshi
Narendra Rahul Raj Sanjay Amit Vijay Priya Sunil Imran Nawaz Benazir Shehbaz
Jacob Nelson Thabo Cyril Uhuru William Olusegun Goodluck Muhammadu Bola Paul
`)
