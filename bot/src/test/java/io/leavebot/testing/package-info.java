/** Test harnesses of the bot module: real local stand-ins (dynalite for DynamoDB) that own their lifecycle. */
package io.leavebot.testing;
