/** Who is out which day, as one viewer may see it: the team calendar and the words of "who is out". */
package io.leavebot.calendar;
