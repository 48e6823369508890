"""A compact multilingual lexicon of the customer-care domain.

Each concept id lists surface forms in English, Spanish, Portuguese, Italian and Hindi, Tamil and Telugu
(native script and romanized, including the English loanwords people type in those scripts). A
trailing `*` is a prefix form; a form with spaces matches consecutive words ("check in", "nota
fiscal"). Words of the query and of the document that share a concept id match each other, so a
Portuguese or Hinglish question finds an English or Spanish section. This is general vocabulary of
customer care (orders, shipping, payments, travel …), not a list of any tenant's sentences.

`HANDOFF` lists the words of "let me talk to a person" requests: when the analysis says the customer
wants a human, they are removed from the retrieval query so only the customer's actual question (if
any) is searched."""

from __future__ import annotations

from functools import lru_cache

from parley_knowledge.text import fold

SKIP = "_skip"

CONCEPTS: dict[str, str] = {
    # --- orders, shipping, delivery -------------------------------------------------------------
    "ship": """ship shipping shipped ships shipment* dispatch* deliver* delivery envio envios envío envíos
        enviar envian envían enviado* enviamos entrega* entregar entregan frete fretes remessa* spedizion*
        spedire consegna* courier paqueteria mensajeria डिलीवरी डिलिवरी शिपिंग भेज* डेलिवरी delivary
        டெலிவரி ஷிப்பிங் அனுப்ப* డెలివరీ షిప్పింగ్ పంప*""",
    "duration": """how_long how_many_days cuanto_tarda* cuanto_demora* cuanto_tiempo quanto_tempo
        quantos_dias tarda* demora* demoram prazo* quanto_demora kitne_din kitna_time kitna_samay kab_tak
        evvalavu_naal* enni_rojulu* took takes timing timeframe time_frame""",
    "day": """day days dia dias día días giorno giorni din दिन दिनों naal* நாள்* rojul* roju రోజు* business_day*
        dias_habiles dias_uteis""",
    "international": """international* abroad overseas foreign* extranjero* exterior internacional* fora_do_pais
        otro_pais otros_paises outro_pais outros_paises other_country other_countries estero videsh विदेश*
        வெளிநாடு* వెదేశ* విదేశ* customs aduana* alfandega* dogana import_tax""",
    "usa": """usa united_states estados_unidos eeuu eua america american* gringo* amreeka अमेरिका அமெரிக்கா
        అమెరికా texas california florida new_york nueva_york miami chicago los_angeles houston
        dallas boston seattle las_vegas arizona nevada georgia illinois""",
    "country_other": """colombia argentina chile peru venezuela ecuador guatemala canada canadá portugal
        espana españa spain espanha francia francia france italia italy germany alemania alemanha
        uk inglaterra england india""",
    "po_box": "po_box p_o_box apartado* caixa_postal caixas_postais casilla* pobox",
    "forwarder": "forwarder* reenvio casillero* redirecionador* freight_forward* parcel_forward*",
    "track": """track* rastre* rastrea* rastrear seguimiento tracking guia_de_envio numero_de_guia
        codigo_de_rastreio where_is_my_order donde_esta_mi_pedido onde_esta_meu_pedido status estado_del_pedido
        ट्रैक* ट्रेक* டிராக்* ట్రాక్* kaha_hai kahan_hai ekkada enga_irukku""",
    "order": """order orders ordered pedido* orden ordenes encomenda* ordine ordini purchase* compra compras
        comprado* compre compré comprei ऑर्डर ओर्डर आर्डर ஆர்டர் ఆర్డర్*""",
    "address": "address* adress* direccion* dirección* endereco* endereço* indirizzo पता पते முகவரி చిరునామా",
    "carrier": "carrier* paqueteria* transportadora* correios dhl estafeta loggi fedex ups_courier",
    "attempt": "attempt* intento* tentativa*",
    "remote_area": "remote rural zona_remota area_remota interior",
    # --- returns, refunds, warranty, damage -------------------------------------------------------
    "return": """return returns returned returning devol* devolu* devuelv* regresar_un reso restitu* exchange*
        troca* trocar troco* wapas_kar* वापस_कर* ரிட்டர்ன்* திருப்பி_அனுப்ப* రిటర్న్*""",
    "refund": """refund* reimburs* reembols* reintegr* estorno* estornar ressarc* rimbors* money_back
        dinero_de_vuelta dinheiro_de_volta paisa_wapas paise_wapas paisa_vapas धनवापसी रिफंड* रीफंड* पैसा_वापस
        पैसे_वापस ரீஃபண்ட்* ரிஃபண்ட்* பணம்_திரும்ப* రీఫండ్* రిఫండ్* డబ్బు_వాపస్* vapas wapas వాపస్""",
    "withdraw": "arrependimento desistencia desistir withdraw* cooling_off",
    "warranty": """warrant* guarant* garant* garanzia वारंटी वॉरंटी गारंटी waranty வாரண்டி* உத்தரவாத*
        వారంటీ* గ్యారంటీ*""",
    "defect": """defect* defeit* defectu* fault* falla* fallo* malfunction* stopped_working not_working
        doesnt_work doesn_t_work dont_work no_funciona* dejo_de_funcionar dejó_de_funcionar parou_de_funcionar
        nao_funciona* não_funciona* não_liga nao_liga no_prende no_enciende kharab खराब kaam_nahi
        வேலை_செய்ய* பழுது* పనిచేయ* dead_on_arrival""",
    "repair": "repair* repar* arregl* consert* fix fixed fixing riparaz* ठीक_कर* சரி_செய்* రిపేర్*",
    "damage": """damag* dano danos dañ* danif* danific* broken broke break* crack* cracked shatter* smash*
        dent* roto rota rotos quebr* rachad* trincad* estrellad* golpead* amassad* abollad* rott* टूट* toota
        tuta tuti उடைந்* உடை* డ్యామేజ్* పగిలి* పగిల* దెబ్బతిన్*""",
    "wrong_item": """wrong incorrect* equivocad* errad* errone* incorret* trocado galat गलत தவறான* తప్పు* different_item
        another_product otro_producto outro_produto""",
    "missing": "missing falta faltan faltando faltou incomplet* gayab गायब காணவில்லை కనిపించ*",
    "accident": "accident* acidental* accidental* liquid* liquido* líquido* agua water spill* derram* mojad* molhad*",
    "battery": "battery batteries bateria* batería* pila*",
    # --- payments ---------------------------------------------------------------------------------
    "pay": """pay paying payment* paid pago pagos pagar pagando pagué pague paguei pagamento* pagament* pagato
        bhugtan भुगतान पेमेंट* pay_kar* payment_kar* செலுத்த* பேமெண்ட்* பணம்_கட்ட* పేమెంట్* చెల్లింప*
        చెల్లించ* checkout""",
    "card": "card cards tarjeta* cartao cartão cartoes cartões carta_di_credito कार्ड கார்டு* కార్డ్* కార్డు*",
    "credit": "credit crédito credito creditos créditos credit_card क्रेडिट கிரெடிட் క్రెడిట్",
    "debit": "debit débito debito डेबिट டெபிட் డెబిట్",
    "cash": "cash efectivo dinheiro contanti naqad nakad नकद कैश ரொக்க* కాష్ నగదు cash_on_delivery contra_entrega",
    "transfer_bank": "bank_transfer transferencia* transferência* bonifico wire_transfer neft imps",
    "crypto": "crypto* cripto* bitcoin* btc",
    "check_payment": "cheque cheques checks check_payment",
    "installments": """installment* instalment* cuota cuotas parcela* parcelad* parcelar parcelamento* rate_mensili
        mensualidad* meses_sin_intereses msi sem_juros sin_interes* sin_intereses interest_free no_interest
        without_interest emi ईएमआई किस्त* kisht* kist* தவணை* இஎம்ஐ వాయిదా* ఈఎంఐ split_payment
        pagar_a_plazos a_plazos financ*""",
    "interest": "interest juros interes interés intereses interessi byaj ब्याज வட்டி వడ్డీ",
    "month": """month months monthly mes meses mensal* mensual* mese mesi mahina mahine mahino महीन* महिन*
        maasam மாத* நெல* నెల* masam""",
    "discount": """discount* descuent* desconto* sconto sconti rebaja* cashback chhoot छूट डिस्काउंट* தள்ளுபடி*
        டிஸ்கவுண்ட்* డిస్కౌంట్* రాయితీ*""",
    "cost": """cost costs costing price prices priced fee fees charge* charged pricing cuesta cuestan costo costos
        coste costes precio* tarifa* cargo cargos cobran cobra cobrar cobrado* cobram cobrança custa custam
        custo* preço* preco* taxa* valor prezzo costa tariff gastos kimat keemat kitne_ka kitna_paisa
        कीमत दाम शुल्क चार्ज* खर्च* விலை* கட்டணம்* சார்ஜ்* ధర* ఛార్జ్* ఖర్చ* రుసుము*""",
    "free": "free gratis gratuit* gratuito grátis sin_costo sin_coste sem_custo free_of_charge muft मुफ्त फ्री இலவச* ఉచిత* ఫ్రీ",
    "money": "mxn pesos brl reais reales euro euros eur dolar* dólar* dollar* usd rupee* rupay rupaye रुपये रुपए",
    "tax": "tax taxes impuesto* imposto* iva icms gst vat",
    # --- invoices ---------------------------------------------------------------------------------
    "invoice": """invoice* factura facturas facturacion facturación fatura faturas nota_fiscal notas_fiscais nfe
        nf_e cfdi receipt* recibo* fattura* bill billing बिल इनवॉइस* इनवॉयस* रसीद பில் ரசீது* இன்வாய்ஸ்*
        బిల్లు* ఇన్వాయిస్* రసీదు*""",
    "tax_id": "rfc cpf cnpj nif cif tax_id razon_social razão_social gstin partita_iva",
    "company": "company companies empresa* compan* corporate business_name azienda",
    # --- stores, pickup, hours, contact -------------------------------------------------------------
    "store": """store stores shop shops tienda* loja* sucursal* branch* negozio negozi outlet showroom दुकान
        स्टोर* ஸ்டோர்* கடை* స్టోర్* షాప్* దుకాణ*""",
    "pickup": """pickup pick_up picked_up pick_it_up recoger recojo recoja recolec* retirar retiro retira
        retirada click_and_collect collect* ritiro le_jaana uthana పికప్* பிக்கப்*""",
    "hours": """hour hours horario* hora horas open opens opening close closes closing closed abre abren abrir
        abierto* aberto aberta abrem cierra cierran cerrado* fecham orario khulta khulti khul* बंद खुल*
        timings टाइम திற* மூட* நேர* తెరు* మూస* సమయ* టైమ్*""",
    "weekend": """sunday sundays domingo domingos saturday saturdays sabado sábado sabados sábados weekend*
        fin_de_semana fines_de_semana fim_de_semana fins_de_semana holiday* festivo* feriado* ravivar
        raviwar shanivar रविवार शनिवार ஞாயிறு* சனி* ஆதிவார* ఆదివార* శనివార*""",
    "weekday": """monday tuesday wednesday thursday friday lunes martes miercoles miércoles jueves viernes
        segunda terca terça quarta quinta sexta weekday* dias_de_semana""",
    "location": "location* ubicacion* ubicación* localizacao* localização* where_are_you donde_estan onde_fica branch_near",
    "support": """support soporte suporte atencion atención atendimento customer_service customer_care
        servicio_al_cliente sac helpline help_desk contact* contacto contato chat phone_number telefono*
        teléfono* telefone* numero_de_telefono call_center call_centre सपोर्ट सहायता हेल्पलाइन హెల్ప్*
        கஸ்டமர்_கேர் कस्टमर_केयर service_client""",
    "whatsapp": "whatsapp whats wpp zap zapzap वॉट्सऐप व्हाट्सएप व्हाट्सऐप வாட்ஸ்அப்* వాట్సాప్*",
    "email": """email* e_mail* mail mails correo correos correo_electronico courriel ईमेल मेल ஈமெயில்* மின்னஞ்சல்*
        ఈమెయిల్* మెయిల్*""",
    "reply": """reply replies replied respond* response* responde* respuesta* resposta* risposta* répond* reponse*
        answer_back jawab जवाब பதில்* సమాధాన*""",
    "language": "language* idioma* lingua* english ingles inglés spanish español espanol portugues português hindi",
    # --- products and services (retail) ------------------------------------------------------------
    "smartphone": "smartphone* celular* cellphone* mobile movil móvil iphone* android phone phones fone mobile_phone मोबाइल फोन போன் మొబైల్",
    "laptop": "laptop* notebook* portatil* portátil* computadora* computador* pc",
    "tv": "tv tvs television* televisor* tele pantalla* tela_grande smart_tv टीवी டிவி టీవీ",
    "screen": "screen* pantalla* tela tela_quebrada display",
    "headphones": "headphone* earphone* earbud* audifono* audífono* auricular* fone_de_ouvido fones cuffie",
    "appliance": "refrigerator* fridge* refrigerador* geladeira* washing_machine* lavadora* lavadoura* maquina_de_lavar",
    "console": "console* consola* videogame* video_game* playstation* xbox nintendo",
    "tradein": """trade_in tradein trade_ins troca trocar intercambio parte_de_pago parte_do_pagamento
        usado_como_parte buyback old_device old_phone celular_antigo celular_usado""",
    "old": "old used usado* antigo* antiguo* viejo* vecchio purana पुराना பழைய* పాత*",
    "price_match": """price_match* match* igualar igualan igualam iguala* cubrir_precio cobrir_oferta cheaper
        cheap* barato* barata* mas_barato mais_barato sasta सस्ता மலிவ* చౌక* competitor* competencia concorrente*""",
    "stock": "stock in_stock instock inventory inventario estoque disponib* available availability esgotad* agotad*",
    "membership": "membership member* membresia* membresía* assinatura* suscrip* subscription* club plus",
    "gift_card": "gift_card* tarjeta_de_regalo vale_presente cartao_presente",
    "software": "software videojuego* video_juego* jogo* game games",
    "installation": "installation* instalacion* instalación* instalacao* instalação* install installed instalar wall_mount* montaje montagem",
    "jobs": "job jobs empleo* emprego* vacante* vaga vagas trabajo trabajar trabalho trabalhar career* hiring naukri नौकरी",
    # --- cancellation, changes ------------------------------------------------------------------------
    "cancel": """cancel cancels cancelled canceled cancelling canceling cancellation* cancelation* cancelar
        cancelo cancela cancelan cancelado* cancelacion* cancelación* cancelamento* cancelad* anular anulacion
        annull* disdetta radd rad_kar* रद्द कैंसिल* केंसल* ரத்து* கேன்சல்* క్యాన్సిల్* రద్దు* raddu rathu""",
    "change": """change changes changed changing cambiar cambio cambios cambia cambiarlo cambiarla modific* alter
        alterar alteração alteracao mudar mudança mudanca remarcar remarcação reprogram* rebook* trocar_a_data
        badal* बदल* மாற்ற* మార్చ* మార్పు*""",
    "date": "date dates fecha fechas data_da_viagem tarikh tareekh तारीख தேதி* తేదీ*",
    "name": "name names nombre* nome nomes naam नाम பெயர்* పేరు*",
    "penalty": "penalt* penalidad* multa* lose pierdo pierde perder perco perderia forfeit* gastos_de_cancelacion",
    # --- travel -----------------------------------------------------------------------------------
    "booking": """book booking* booked reserv* prenot* बुकिंग* बुक புக்கிங்* புக்* బుకింగ్* బుక్*""",
    "flight": """flight* vuelo* voo voos volo voli avion* avión aviao avião plane* airline* aerolinea* aerolínea*
        companhia_aerea fly flying फ्लाइट* flait விமான* ஃப்ளைட்* ப்ளைட்* ఫ్లైట్* విమాన*""",
    "airport": "airport* aeropuerto* aeroporto* एयरपोर्ट* ஏர்போர்ட்* விமான_நிலைய* ఎయిర్‌పోర్ట్* ఎయిర్పోర్ట్* విమానాశ్రయ*",
    "hotel": "hotel hoteles hoteis hotéis alojamiento* hospedaje* hospedagem albergo हॉटल होटल ஹோட்டல்* హోటల్*",
    "package_trip": "package_holiday* paquete_vacacional* paquetes_vacacionales pacote* package_tour* tour_package*",
    "cruise": "cruise* crucero* cruzeiro*",
    "trip": "trip trips travel* viaje viajes viajar viajo viajamos viagem viagens viajar viaggi* viaggio yatra यात्रा பயண* ప్రయాణ* vacation* vacacion* ferias férias",
    "baggage": """baggage luggage bag bags suitcase* maleta* valija* equipaje* bagagem* bagaglio* valigia* mala_de_viagem
        सामान saman samaan लगेज* लगेज லக்கேஜ்* பை பேக் బ్యాగ్* లగేజ్* సామాను*""",
    "checked_bag": "checked_bag* checked_luggage checked_baggage facturada* facturado documentada* despachada* despachar bodega hold_luggage",
    "carry_on": "carry_on hand_luggage hand_baggage cabin_bag de_mano bagagem_de_mao mochila* backpack* personal_item",
    "weight": "kg kgs kilo kilos kilogram* quilo* quilos weight weigh* heavy heavier pesado* peso pesa pesan pesar वजन vazan எடை* బరువు*",
    "special_luggage": "surf* bicycle* bike* bicicleta* golf ski* esqui* sports_equipment",
    "lost_bag": "lost lose_bag perdid* extraviad* extravio* pir delayed_baggage",
    "documents": """document* documento* documentacion* documentação* documentacao* id_card dni identidad identity
        identidade rg डॉक्यूमेंट* दस्तावेज़* ஆவண* పత్రా*""",
    "passport": "passport* pasaporte* passaporte* passaporto पासपोर्ट* பாஸ்போர்ட்* పాస్‌పోర్ట్* పాస్పోర్ట్*",
    "visa": "visa visas visado* visto vistos esta_form वीजा वीज़ा விசா వీసా*",
    "minor": "minor* menor menores menor_de_edad child children kid* niño* niña* hijo* hija* filho* filha* crianca* criança* bebe* bebé* baby babies infant*",
    "insurance": "insurance insured insure seguro seguros assicuraz* bima बीमा इंश्योरेंस இன்சூரன்ஸ்* காப்பீடு* బీమా* ఇన్సూరెన్స్*",
    "cover": "cover covers covered coverage cubre cubren cubrir cubierto* cobertura* cobre cobrem cobrir coperto copertura",
    "illness": "sick ill illness disease enferm* doente* doença* doenca* malat* bimar बीमार बीमारी உடம்பு* நோய்* జబ్బు* అనారోగ్య*",
    "medical": "medical medic* médic* hospital* doctor* medico* saude saúde salud",
    "pet": """pet pets dog dogs puppy puppies cat cats kitten* perro* perra* perrit* perrito* gato gatos gata gatinho*
        cachorr* mascota* animal* animais animales cane_guida kutta kutte कुत्ता कुत्ते बिल्ली पालतू நாய்* பூனை*
        செல்லப்பிராணி* కుక్క* పిల్లి* పెంపుడు*""",
    "cabin": "cabin cabina cabine in_cabin en_cabina na_cabine",
    "checkin": "check_in checkin web_checkin check_in_online चेक_इन चेकइन செக்_இன் చెక్_ఇన్ చెకిన్",
    "boarding": "boarding* embarque* embarcar tarjeta_de_embarque cartao_de_embarque boarding_pass imbarco",
    "promo": """coupon* cupon* cupón* cupom* cupons voucher* promo* promocion* promoción* promoção* promocao* offer*
        oferta* code_promo promo_code codigo_promocional kupon कूपन* ऑफर* கூப்பன்* ஆஃபர்* కూపన్* ఆఫర్*""",
    "combine": "combine* combin* acumul* stack* juntar junto together both dos_cupones dois_cupons two_coupons",
    "newsletter": "newsletter* boletin* boletín* suscrib* subscribe* inscrev*",
    "loyalty": "points puntos pontos loyalty fidelidad* fidelidade miles millas milhas rewards",
    "group": """group groups grupo grupos gruppo team equipo colleagues companeros compañeros classmates colegas
        coworkers समूह ग्रुप* குழு* க்ரூப்* గ్రూప్* బృంద*""",
    "event": "event events evento* wedding* boda* bodas casamento* congres* conference* conferencia* incentive* graduation fin_de_curso",
    "accessibility": """accessib* accesib* accesibilidad acessib* accessibil* wheelchair* silla_de_ruedas sillas_de_ruedas
        cadeira_de_rodas sedia_a_rotelle rotelle ruedas reduced_mobility movilidad_reducida mobilidade_reduzida
        pmr disabilit* disabled discapacid* deficien* handicap* व्हीलचेयर* विकलांग* சக்கர_நாற்காலி* మాన్యువల్_వీల్*
        వీల్‌చెయిర్* crutch* muleta* guide_dog perro_guia perros_guia sign_language lengua_de_signos""",
    "assist": "assist* asist* assistenza ayuda_especial special_assistance",
    "emergency": "emergenc* emergência urgencia* urgent* urgente* इमरजेंसी அவசர* అత్యవసర*",
    "weather": "weather clima tiempo_atmosferico previsao previsão forecast rain lluvia chuva mausam मौसम வானிலை వాతావరణ*",
    "restaurant": "restaurant* restaurante* ristorante* food comida* eat comer dinner cena lunch",
    "sightseeing": "museum* museo* museu* concert* concierto* ingresso* sightseeing excursion* tour_guide",
    # Greetings and courtesy phrases: recognised so they are not mistaken for content, then dropped.
    SKIP: """bom_dia boa_tarde boa_noite buenos_dias buen_dia buenas_tardes buenas_noches good_morning
        good_afternoon good_evening por_favor muchas_gracias muito_obrigado muito_obrigada thank_you
        thanks_a_lot namaste namaskar vanakkam namaskaram नमस्ते வணக்கம் నమస్కారం dhanyavad dhanyavaad
        shukriya धन्यवाद शुक्रिया நன்றி ధన్యవాదాలు""",
    "gym": "gym gimnasio* academia* palestra pool piscina* spa",
}

# Words of "I want to talk to a person" requests (removed from the retrieval query when the analysis
# already flags wants_human).
HANDOFF = """human humans humano humana humanos pessoa person persona personas pessoas people gente agent agents
    agente agentes atendente* operator* operador* operadora* representative* representante* rep manager*
    gerente* supervisor* someone बॉट बोट போட் బాట్ somebody alguien alguem alguém anyone real bot robot chatbot maquina machine
    talk speak speaking talking hablar hable falar fale parlare baat baath karni karna chahta chahti
    insaan insan aadmi koi kisi connect* conectar conecte transfer* pasar pasame pásame passar passe
    call llamar llamame llámame ligar liga me_ligue contact_me customer care service please por_favor
    इंसान आदमी व्यक्ति एजेंट* बात किसी मनुष्य मानव मनुष्य ஏஜென்ட்* மனித* பிரதிநிதி* பேச* pesanum pesa
    pesu pesanam kitta ஆள்* మనిష* ఏజెంట్* ప్రతినిధి* మాట్లాడ* maatlaadaali matladali matladu maatlaadali
    cheyyandi connect_cheyyandi call_cheyyandi ఎవరైనా వ్యక్తి* కనెక్ట్* கனெக்ட்* कनेक्ट*"""

STOPWORDS = """
a an the and or but if then so to of in on at by for with from as is are was were be been being am do does
did doing have has had having i me my mine we our us you your yours u ur he she it its they them their this that
these those there here what which who whom whose when where why how can could would should will shall may might
must not no yes yeah ok okay please pls plz thanks thank thx hi hello hey dear good morning afternoon evening
just also too very really still already yet any some all each every more most much many other another same
such only own than about into over after before up down out off again once get got getting want wanted need
needs know tell let like make made go going goes went come use used able way thing things lol hmm oh sir madam
guys bro anything something nothing everything now today tomorrow yesterday soon while since because though
one two would'nt im i'm dont don't cant can't isnt wont s t d ll re ve m y o e
last next ago week weeks placed place take taking time times saw see seen look looking find help anyone
semana semanas pasado pasada passado passada proximo próximo próxima proxima dan da dar dá dão ficar fico
fica llevar levar lleva leva ou oru tho kar karna karni kare karo karte hoga thi hai nanu nannu నన్ను నాకు
unacceptable ridiculous ilusionados adorei experiencia experiência super
milega milegi milenge milta milti aayega aayegi ayega ayegi aaega aaegi jayega jayegi le lena lenge sakte sakta
sakti hain hai hota hoti kyaa mila mili milta मिलेगा मिलेगी मिलेंगे मिलता आएगा आएगी जाएगा लेना सकते सकता हैं
kidaikkum kedaikkuma varum varuma vanthu vandhu podhum vastundi vastunda dorukutundi avutundi
el la los las un una unos unas y o u pero si no sí de del al en con por para sin sobre entre hasta desde que qué
cual cuál cuales quien quién como cómo cuando cuándo donde dónde cuanto cuánto cuanta cuántos cuantos cuantas es
son era fue ser estar esta está estoy estan están hay haber he has ha hemos han tengo tiene tienen tenemos tener
tenéis teneis puedo puede pueden podemos podria podría poder quiero quiere queremos quisiera querer necesito
necesita necesitamos sé saber hacer hago hace hacen me te se nos os le les lo mi mis tu tus su sus nuestro nuestra
vosotros ustedes usted yo él ella ellos ellas este esta esto estos estas ese esa eso esos esas aquí ahí allí
muy más mas menos ya también tambien solo sólo algo alguno alguna algún nada todo toda todos todas otro otra
hola buenas buenos tardes noches gracias favor porfa porfis vale bueno pues entonces che oye mira
ok dime decir pedir pido va van voy ir vamos hacia durante cada alguna qué cosa cosas mismo misma
o os as um uma uns umas e mas se não nao sim do da dos das no na nos nas num numa em com por pelo pela pelos
pelas para pra pro sem sobre entre até ate desde que quê qual quais quem como quando onde quanto quanta quantos
quantas é sou somos são sao era foi ser estar estou está estão estao tem têm tenho temos ter posso pode podem
podemos poderia quero quer queria queremos preciso precisa sei saber fazer faço faz fazem me te se lhe lhes
meu minha meus minhas seu sua seus suas nosso nossa vocês voces você voce eu ele ela eles elas este esta isto
esse essa isso aquele aquela aqui ali muito muita mais menos já também tambem só algo algum alguma nada tudo
todos todas outro outra oi olá ola bom boa tarde noite obrigado obrigada valeu então entao aí coisa vem vou
vai vão ir agora hoje amanhã amanha ontem tá ta né ne gente
il lo la i gli le un uno una di da in con su per tra fra che chi cosa come quando dove è sono mia mio mie miei
mi ti si ci vi ne possibile posso puoi può avere ho ha hanno essere buongiorno grazie ciao
hai hain hain hu hoon ho tha thi the ka ki ke ko se me mein mai main mujhe mujhko mera meri mere hum hamara
hamari aap aapka aapki apna apni tum tera teri kya kyu kyun kaise kaisa kab kahan kitna kitne kitni kaun
aur ya lekin par bhi nahi nahin na haan han ji ek do abhi jaldi wala wale wali raha rahi rahe sakta sakti sakte
hoga hogi hoga jayega jayegi dikha dikh karo kariye kijiye chahiye batao bataiye bata toh to yaar bhai bhaiya
naan naanu enakku enaku ennoda unga ungal neenga nee enna epdi eppadi eppo eppadi yen yaar evlo evvalavu
irukku irukka iruku irukkum venum vendum aagum aaguma aachu sollunga solunga pannunga pannanum pannalama
konjam konchem illa illai aama seri sari naalaikku inniki innaiku
nenu naaku naku na naa mee meeru miru meeku emi enti ela ekkada eppudu enduku entha enni undi unda ledu
kaavali kavali kaavaali cheyyali cheppandi cheppu chesi chestara chestaru andi garu konchem kooda ippudu repu
मैं मुझे मेरा मेरी मेरे हम आप आपका आपकी है हैं था थी के का की को से में पर और या भी नहीं ना क्या कैसे कब कहाँ
कितना कितने कौन यह वह ये वो एक हो होगा करना करनी करें कीजिए चाहिए चाहता चाहती रहा रही सकता सकते सकती जी कृपया
நான் எனக்கு என் நீங்கள் உங்கள் இது அது என்ன எப்படி எப்போது எங்கே எவ்வளவு ஒரு வேண்டும் தயவுசெய்து உள்ளது இல்லை
மற்றும் ஆம் சரி
నేను నాకు నా మీరు మీ ఇది అది ఏమి ఎలా ఎప్పుడు ఎక్కడ ఎంత ఒక కావాలి దయచేసి ఉంది లేదు మరియు అవును సరే చేయండి
btw tbh imo honestly seriously annoying crazy awesome amazing great excited terrible horrible worst best love
loved hate happy sad angry rather least says said tells told nobody right anyway guy stuff kind
desastre genial increible increíble perfecto perfecta horrible pesimo pésimo fatal encanta encantó
adoro adorei perfeita perfeito otimo ótimo rapidinho demais pessimo péssimo
je j tu il elle nous vous ils elles mon ma mes ton ta tes son sa ses notre votre vos leur le la les un une des
du de au aux et ou est sont suis avez avoir ai as a ont être etre ce cet cette ces qui que qu quoi quel quelle
comment quand où pour par avec sans sur dans en ne pas plus peut peux pouvez puis je_voudrais voudrais bonjour
merci svp oui non
vorrei sapere anche sul sulla sui vostro vostra vostri nostro nostra del della dei delle al alla nel nella
questo questa quello quella salve
"""

# More forms of the concepts above (and a few more concepts): French and Italian forms, romanized and
# native-script Hindi/Tamil/Telugu domain words, common inflections and misspellings.
MORE_FORMS: dict[str, str] = {
    "ship": """send sends sending sent mandar manda mandan mandas mando mandamos mandaram mandou mandaron
        enviaron envie envié envio* spedi* livraison* livrer livrez livre expedi* expéd* envoy* डिलीवर* डिलिवर*
        delievery delivry shiping shippment""",
    "order": "commande* achat* acquist* ordinato ऑर्डर_किया orderr oder",
    "return": """send_back send_it_back sent_back sent_it_back ship_back give_back mandar_de_volta mandar_de_vuelta
        retour* retourn* renvoy* rendere restituire retun retrun""",
    "refund": "rembours* rifund refnd refound reembolço",
    "warranty": "garantie garantia* warrenty waranty gaurantee",
    "pay": "paiement* payer paye payé pagare pagamenti paymnt payement",
    "card": "carte cartes carta carte_bancaire",
    "cost": "prix frais tarif* coût cout combien_coute prezzi",
    "invoice": "facture* nota notas boleta* comprobante* ricevuta scontrino fatura_fiscal",
    "store": "magasin* boutique* punto_vendita",
    "hours": "horaire* ouvert* ferme fermé aperto chiuso",
    "cancel": "annul* cancell* cancle cancelr",
    "baggage": "mala malas bolso* bolsa* valise* bagage* bagagli* maletas",
    "carry_on": "equipaje_de_mano mala_de_mao mala_de_mão maleta_de_mano bagaglio_a_mano bagage_a_main",
    "flight": "vol vols",
    "trip": "voyage* voyager viagg*",
    "insurance": "assurance*",
    "passport": "passeport*",
    "pet": "chien* chat_domestique cane cani gatto gatti naai* kukka* poonai* pilli billi mascot*",
    "loyalty": "fidelit* punti point",
    "package_trip": "package packages paquete paquetes pacote pacotes pacchett* parcel* पार्सल பார்சல்* పార్సెల్*",
    "attempt": "try tries tried trying intentar* intentaron tentar tentaram tentou",
    "tradein": "trade ட்ரேட்_இன் ட்ரேட் ट्रेड_इन ट्रेड ట్రేడ్_ఇన్ ట్రేడ్",
    "headphones": "fone ecouteur* écouteur* auricolar*",
    "duration": """कितने_दिन कितना_समय कब_तक எத்தனை_நாள்* ఎన్ని_రోజుల* combien_de_temps quanto_tempo_ci
        quanti_giorni how_fast how_soon how_quickly""",
    "damage": "endommag* abîm* cassé casse danneggiat*",
    "defect": "dead_on_arrival doa panne* guast*",
    "booking": "réserv* prenotaz*",
    "discount": "remise* réduction* rabais",
    "free": "gratuite*",
    "group": "groupe* gruppi",
    "accessibility": """fauteuil_roulant* mobilité_réduite chien_d_assistance chien_guide chiens_guides
        assistance_dog* service_dog* perros_de_asistencia perro_de_asistencia cao_guia caes_guia cao_de_assistencia""",
}

MORE_CONCEPTS: dict[str, str] = {
    "expire": """expire* expiry expiration caduc* vence vencen vencer venc* vencimiento validity valid validez
        validade valido válido valida válida vigencia vigente scad* valable காலாவதி* గడువు* एक्सपायर* समाप्त""",
    "deposit": """deposit* depósito* deposito* anticipo* señal sinal acompte caparra डिपॉज़िट* डिपॉजिट* டெபாசிட்*
        డిపాజిట్* advance_payment down_payment""",
    "difference": """difference diferencia* diferença* diferenca* differenza différence अंतर फर्क farak fark
        வித்தியாச* తేడా*""",
    "arrive": """arrive arrives arrived arriving arrival llega llegan llegar llego llegó llegue llegará chega chegam
        chegar chegou chegue chegada arriv* receive received receiving recib* receb* आया आएगा पहुंच* வந்த* వచ్చ*""",
    "voucher": "voucher* bono bonos vale vales bon_d_achat buono",
    "number": "number numbers numero numeros número números numéro नंबर நம்பர்* నంబర్*",
}

for _concept, _forms in MORE_FORMS.items():
    CONCEPTS[_concept] = f"{CONCEPTS[_concept]} {_forms}"
CONCEPTS.update(MORE_CONCEPTS)

# Words that name a question's intent only when they title a section ("Shipping times" answers "how
# long", "Refund timing" too): too vague to map in a customer's message ("second time this happens").
HEADING_CONCEPTS: dict[str, str] = {
    "duration": "time times timing timings tiempo tiempos plazo plazos tempo tempos prazo prazos delivery_time",
}

_WORD_WEIGHT_BOOST = 1.0


def _split_forms(spec: str) -> list[str]:
    return [form for form in spec.split() if form]


def _norm_form(form: str) -> tuple[str, bool]:
    prefix = form.endswith("*")
    form = form.rstrip("*")
    parts = [fold(p) for p in form.replace("-", "_").split("_") if p]
    return "_".join(parts), prefix


class Lexicon:
    """Looks up concept ids for a word or a run of words."""

    def __init__(self, concepts: dict[str, str], handoff: str, stopwords: str) -> None:
        self.exact: dict[str, set[str]] = {}
        self.prefixes: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for concept, spec in concepts.items():
            for raw in _split_forms(spec):
                form, is_prefix = _norm_form(raw)
                if not form:
                    continue
                if is_prefix and len(form) >= 3:
                    key = (form.count("_") + 1, form[:3])
                    self.prefixes.setdefault(key, []).append((form, concept))
                else:
                    self.exact.setdefault(form, set()).add(concept)
        self.handoff_exact: set[str] = set()
        self.handoff_prefixes: list[str] = []
        for raw in _split_forms(handoff):
            form, is_prefix = _norm_form(raw)
            (self.handoff_prefixes.append(form) if is_prefix else self.handoff_exact.add(form))
        self.stopwords = {fold(w) for w in stopwords.split()}
        self.max_ngram = 3
        self.heading_concepts: dict[str, set[str]] = {}
        for concept, spec in HEADING_CONCEPTS.items():
            for raw in _split_forms(spec):
                self.heading_concepts.setdefault(_norm_form(raw)[0], set()).add(concept)

    def concepts(self, form: str) -> set[str]:
        found = set(self.exact.get(form, ()))
        for prefix, concept in self.prefixes.get((form.count("_") + 1, form[:3]), ()):
            if form.startswith(prefix):
                found.add(concept)
        return found

    def is_handoff(self, form: str) -> bool:
        return form in self.handoff_exact or any(form.startswith(p) for p in self.handoff_prefixes)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon(CONCEPTS, HANDOFF, STOPWORDS)
