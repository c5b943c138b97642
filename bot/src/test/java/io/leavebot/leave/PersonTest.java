package io.leavebot.leave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.JacksonSerDes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonTest {
    @Test
    void someoneKnownByEmailIsKeyedByTheLowerCasedAddressAndHasNoChatId() {
        Person bea = Person.ofEmail("  Bea@Example.COM ", "Bea Boss");

        assertEquals("bea@example.com", bea.key());
        assertEquals("bea@example.com", bea.email());
        assertEquals(Optional.empty(), bea.chatUserId("slack"));
        assertEquals("Bea Boss", bea.name());
    }

    @Test
    void someoneKnownOnlyToAChatPlatformIsKeyedByChannelAndIdAsRelease010Stored() {
        Person dan = Person.ofChatUser("slack", " U0DAN ", null);

        assertEquals("slack:U0DAN", dan.key());
        assertNull(dan.email());
        assertEquals(Optional.of("U0DAN"), dan.chatUserId("slack"));
        assertEquals(Optional.empty(), dan.chatUserId("teams"));
        assertEquals("U0DAN", dan.name(), "named by the id when there is no name");
        assertEquals(dan, new Person("slack:U0DAN", null), "the key read back is the same person");
    }

    @Test
    void peopleAreTheSameByKeyWhateverTheirNames() {
        assertTrue(Person.ofEmail("bea@example.com", "Bea").isSameAs(Person.ofEmail("BEA@example.com", "Beatrice")));
        assertFalse(Person.ofEmail("bea@example.com", null).isSameAs(Person.ofChatUser("slack", "U0BEA", null)));
        assertFalse(Person.ofEmail("bea@example.com", null).isSameAs(null));
    }

    @Test
    void aStoredPairOfEmailAndSlackIdIsTheEmailWhenThereIsOne() {
        assertEquals(Person.ofEmail("bea@example.com", "Bea"), Person.ofEmailOrSlack("Bea@example.com", "U0BEA", "Bea"));
        assertEquals(Person.ofChatUser("slack", "U0BEA", "Bea"), Person.ofEmailOrSlack(null, "U0BEA", "Bea"));
        assertEquals(Person.ofChatUser("slack", "U0BEA", null), Person.ofEmailOrSlack(" ", "U0BEA", " "));
    }

    @Test
    void aPersonNeedsAnEmailOrAChatIdAndANameOfBlanksIsNoName() {
        assertThrows(IllegalArgumentException.class, () -> Person.ofEmail(" ", "Bea"));
        assertThrows(IllegalArgumentException.class, () -> Person.ofChatUser("slack", null, "Bea"));
        var neither = assertThrows(IllegalArgumentException.class, () -> Person.ofEmailOrSlack(null, "", "Bea"));
        assertEquals("a person needs an e-mail address or a chat user id", neither.getMessage());
        assertNull(Person.ofEmail("bea@example.com", "  ").displayName());
        assertEquals("bea@example.com", Person.ofEmail("bea@example.com", null).name());
    }

    @Test
    void aPersonSerializedByRelease010IsReadAsItsKey() {
        var json = new JacksonSerDes();

        assertEquals(Person.ofEmail("grace@example.org", "Grace"), json.deserialize(
                "{\"slackUserId\":\"U02GRACE\",\"email\":\"grace@example.org\",\"displayName\":\"Grace\"}", Person.class));
        assertEquals(Person.ofChatUser("slack", "U0DAN", null),
                json.deserialize("{\"slackUserId\":\"U0DAN\",\"email\":null,\"displayName\":null}", Person.class));
        Person bea = Person.ofEmail("bea@example.com", "Bea");
        assertEquals("{\"key\":\"bea@example.com\",\"displayName\":\"Bea\"}", json.serialize(bea));
        assertEquals(bea, json.deserialize(json.serialize(bea), Person.class));
    }
}
